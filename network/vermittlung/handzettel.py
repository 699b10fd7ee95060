"""The handout: one printable A4 page with the chosen Angebote and the Kita's contact, as a PDF (fpdf2, offline).

Headings and fixed texts come in six languages (:data:`BLATT_SPRACHEN`), chosen per sheet; the Angebot data
stay as entered (German). Arabic is set right to left: fpdf2's text shaping (HarfBuzz through ``uharfbuzz``)
joins the letters and orders the text (Unicode bidi). On an Arabic sheet the labels stand on the right and the
German data, which run left to right, stand beside them.

Type is plain and large: nothing under 12 pt. The sheet always fits on one page: if the texts are long, the
descriptions are shortened step by step (see :func:`handzettel`).

Fonts (OFL, installed by pip): Noto Sans (Latin, Cyrillic) from ``fontpkg-noto-sans`` and Noto Sans Arabic
from ``fontpkg-noto-sans-arabic``; both are variable fonts, of which the PDF gets the regular instance, and bold
is drawn with a thin outline. Without these packages, DejaVu Sans (Debian ``fonts-dejavu-core``) is used.
"""

from __future__ import annotations

import datetime as _dt
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import HandzettelFehler, NichtGefundenFehler
from ..grund import format as F
from ..model import Netzdaten

__all__ = ["handzettel", "BLATT_SPRACHEN", "SPRACHNAMEN", "TEXTE", "MAX_ANGEBOTE", "schriften"]

#: Most Angebote on one sheet.
MAX_ANGEBOTE = 3

#: Languages of the fixed texts, in the order offered.
BLATT_SPRACHEN = ("de", "en", "ar", "tr", "uk", "ru")

#: The language names, in German (for the app) and in the language itself.
SPRACHNAMEN = {
    "de": ("Deutsch", "Deutsch"), "en": ("Englisch", "English"), "ar": ("Arabisch", "العربية"),
    "tr": ("Türkisch", "Türkçe"), "uk": ("Ukrainisch", "Українська"), "ru": ("Russisch", "Русский"),
}

_RTL = {"ar"}

#: The fixed texts of the sheet per language. ``{datum}`` is replaced by the date.
TEXTE: dict[str, dict[str, str]] = {
    "de": {
        "titel": "Hilfe und Beratung für Ihre Familie",
        "einleitung": "Diese Angebote hat Ihre Kita für Sie herausgesucht. Rufen Sie gerne an.",
        "was": "Was:", "adresse": "Adresse:", "telefon": "Telefon:", "email": "E-Mail:", "website": "Internet:",
        "zeiten": "Öffnungszeiten:", "kosten": "Kosten:", "hinweis": "Anfahrt / Mitbringen:",
        "ohne_adresse": "ohne feste Adresse – bitte anrufen",
        "aufsuchend": "Kommt auch zu Ihnen nach Hause.",
        "kostenlos": "kostenlos",
        "ihre_kita": "Ihre Kita",
        "ansprechperson": "Ihre Ansprechperson (Kita-Sozialarbeit)",
        "stand": "Stand: {datum}. Angaben ohne Gewähr – bitte vorher anrufen.",
        "datenschutz": "Auf diesem Blatt stehen keine Angaben über Sie oder Ihr Kind.",
        "daten_deutsch": "",
        "auf_deutsch": "",
    },
    "en": {
        "titel": "Help and advice for your family",
        "einleitung": "Your daycare centre chose these services for you. Feel free to call them.",
        "was": "What:", "adresse": "Address:", "telefon": "Phone:", "email": "E-mail:", "website": "Website:",
        "zeiten": "Opening hours:", "kosten": "Cost:", "hinweis": "Getting there / what to bring:",
        "ohne_adresse": "no fixed address – please call",
        "aufsuchend": "They can also visit you at home.",
        "kostenlos": "free of charge",
        "ihre_kita": "Your daycare centre",
        "ansprechperson": "Your contact person (daycare social work)",
        "stand": "As of {datum}. Details may change – please call first.",
        "datenschutz": "This sheet contains no information about you or your child.",
        "daten_deutsch": "The details of the services are in German.",
        "auf_deutsch": "(in German)",
    },
    "ar": {
        "titel": "مساعدة واستشارة لعائلتك",
        "einleitung": "اختارت لكم روضة الأطفال هذه الخدمات. يمكنكم الاتصال بهم.",
        "was": "ماذا يقدمون:", "adresse": "العنوان:", "telefon": "الهاتف:", "email": "البريد الإلكتروني:",
        "website": "الموقع الإلكتروني:", "zeiten": "أوقات العمل:", "kosten": "التكلفة:",
        "hinweis": "الوصول / ما يجب إحضاره:",
        "ohne_adresse": "بدون عنوان ثابت – يرجى الاتصال",
        "aufsuchend": "يمكنهم أيضاً زيارتكم في المنزل.",
        "kostenlos": "مجاناً",
        "ihre_kita": "روضة أطفالكم",
        "ansprechperson": "الشخص المسؤول عن التواصل (العمل الاجتماعي في الروضة)",
        "stand": "التاريخ: {datum}. قد تتغير المعلومات – يرجى الاتصال مسبقاً.",
        "datenschutz": "لا تحتوي هذه الورقة على أي معلومات عنك أو عن طفلك.",
        "daten_deutsch": "معلومات الخدمات مكتوبة باللغة الألمانية.",
        "auf_deutsch": "(باللغة الألمانية)",
    },
    "tr": {
        "titel": "Aileniz için yardım ve danışmanlık",
        "einleitung": "Bu hizmetleri sizin için kreşiniz seçti. Lütfen arayın.",
        "was": "Ne sunuyor:", "adresse": "Adres:", "telefon": "Telefon:", "email": "E-posta:",
        "website": "İnternet sitesi:", "zeiten": "Çalışma saatleri:", "kosten": "Ücret:",
        "hinweis": "Ulaşım / yanınızda getirin:",
        "ohne_adresse": "sabit adres yok – lütfen arayın",
        "aufsuchend": "Evinize de gelebilirler.",
        "kostenlos": "ücretsiz",
        "ihre_kita": "Kreşiniz",
        "ansprechperson": "İrtibat kişiniz (kreş sosyal hizmeti)",
        "stand": "Tarih: {datum}. Bilgiler değişebilir – lütfen önceden arayın.",
        "datenschutz": "Bu sayfada sizin veya çocuğunuz hakkında hiçbir bilgi yoktur.",
        "daten_deutsch": "Hizmetlerle ilgili bilgiler Almancadır.",
        "auf_deutsch": "(Almanca)",
    },
    "uk": {
        "titel": "Допомога та консультації для вашої родини",
        "einleitung": "Ці послуги підібрав для вас ваш дитячий садок. Телефонуйте, будь ласка.",
        "was": "Що пропонують:", "adresse": "Адреса:", "telefon": "Телефон:", "email": "Ел. пошта:",
        "website": "Вебсайт:", "zeiten": "Години роботи:", "kosten": "Вартість:",
        "hinweis": "Як дістатися / що взяти:",
        "ohne_adresse": "без постійної адреси – будь ласка, зателефонуйте",
        "aufsuchend": "Можуть також прийти до вас додому.",
        "kostenlos": "безкоштовно",
        "ihre_kita": "Ваш дитячий садок",
        "ansprechperson": "Ваша контактна особа (соціальна робота в дитсадку)",
        "stand": "Станом на {datum}. Дані можуть змінитися – будь ласка, зателефонуйте заздалегідь.",
        "datenschutz": "На цьому аркуші немає жодних даних про вас або вашу дитину.",
        "daten_deutsch": "Інформація про послуги – німецькою мовою.",
        "auf_deutsch": "(німецькою)",
    },
    "ru": {
        "titel": "Помощь и консультации для вашей семьи",
        "einleitung": "Эти услуги подобрал для вас ваш детский сад. Звоните, пожалуйста.",
        "was": "Что предлагают:", "adresse": "Адрес:", "telefon": "Телефон:", "email": "Эл. почта:",
        "website": "Сайт:", "zeiten": "Часы работы:", "kosten": "Стоимость:",
        "hinweis": "Как добраться / что взять с собой:",
        "ohne_adresse": "без постоянного адреса – пожалуйста, позвоните",
        "aufsuchend": "Могут также прийти к вам домой.",
        "kostenlos": "бесплатно",
        "ihre_kita": "Ваш детский сад",
        "ansprechperson": "Ваше контактное лицо (социальная работа в детском саду)",
        "stand": "По состоянию на {datum}. Данные могут измениться – пожалуйста, позвоните заранее.",
        "datenschutz": "На этом листе нет никаких данных о вас или вашем ребёнке.",
        "daten_deutsch": "Информация об услугах – на немецком языке.",
        "auf_deutsch": "(на немецком)",
    },
}

#: Fixed words inside the Angebote's opening hours and costs (weekdays, „Uhr“, „nach Vereinbarung“, „kostenlos“,
#: „je Termin“ …), per sheet language. Keys are regular expressions on the German text; ``{0}`` is the first group.
#: A value whose words are not all covered stays German and is marked (:func:`uebersetze`).
FESTE_WOERTER: dict[str, dict[str, str]] = {
    "en": {r"telefonisch rund um die Uhr": "by phone, around the clock",
           r"jeden 1\. Samstag im Monat": "every 1st Saturday of the month",
           r"nach telefonischer Vereinbarung": "by appointment (phone)", r"nach Vereinbarung": "by appointment",
           r"kostenlos": "free of charge", r"Spende erbeten": "donation welcome",
           r"Kassenleistung mit Verordnung": "paid by health insurance with a prescription",
           r"Kursgebühr": "course fee", r"Mitgliedsbeitrag": "membership fee",
           r"Ermäßigung möglich": "reductions possible",
           r"je Termin": "per appointment", r"je Einkauf": "per shopping visit", r"je Treffen": "per meeting",
           r"je Kurs": "per course", r"im Monat": "per month", r"im Jahr": "per year",
           r"für (\d+) Termine": "for {0} sessions",
           r"Mo": "Mon", r"Di": "Tue", r"Mi": "Wed", r"Do": "Thu", r"Fr": "Fri", r"Sa": "Sat", r"So": "Sun",
           r"und": "and", r"Uhr": "h"},
    "ar": {r"telefonisch rund um die Uhr": "عبر الهاتف على مدار الساعة",
           r"jeden 1\. Samstag im Monat": "أول سبت من كل شهر",
           r"nach telefonischer Vereinbarung": "بموعد مسبق عبر الهاتف", r"nach Vereinbarung": "بموعد مسبق",
           r"kostenlos": "مجاناً", r"Spende erbeten": "التبرع مرحب به",
           r"Kassenleistung mit Verordnung": "يغطيه التأمين الصحي بوصفة طبية",
           r"Kursgebühr": "رسوم الدورة", r"Mitgliedsbeitrag": "رسوم العضوية", r"Ermäßigung möglich": "التخفيض ممكن",
           r"je Termin": "لكل موعد", r"je Einkauf": "لكل عملية شراء", r"je Treffen": "لكل لقاء",
           r"je Kurs": "لكل دورة", r"im Monat": "في الشهر", r"im Jahr": "في السنة",
           r"für (\d+) Termine": "مقابل {0} مواعيد",
           r"Mo": "الاثنين", r"Di": "الثلاثاء", r"Mi": "الأربعاء", r"Do": "الخميس", r"Fr": "الجمعة",
           r"Sa": "السبت", r"So": "الأحد", r"und": "و", r"Uhr": "الساعة"},
    "tr": {r"telefonisch rund um die Uhr": "telefonla 7/24",
           r"jeden 1\. Samstag im Monat": "her ayın ilk cumartesi günü",
           r"nach telefonischer Vereinbarung": "telefonla randevu ile", r"nach Vereinbarung": "randevu ile",
           r"kostenlos": "ücretsiz", r"Spende erbeten": "bağış rica edilir",
           r"Kassenleistung mit Verordnung": "reçete ile sağlık sigortası öder",
           r"Kursgebühr": "kurs ücreti", r"Mitgliedsbeitrag": "üyelik aidatı", r"Ermäßigung möglich": "indirim mümkün",
           r"je Termin": "randevu başına", r"je Einkauf": "alışveriş başına", r"je Treffen": "buluşma başına",
           r"je Kurs": "kurs başına", r"im Monat": "aylık", r"im Jahr": "yıllık",
           r"für (\d+) Termine": "{0} randevu için",
           r"Mo": "Pzt", r"Di": "Sal", r"Mi": "Çar", r"Do": "Per", r"Fr": "Cum", r"Sa": "Cmt", r"So": "Paz",
           r"und": "ve", r"Uhr": "saat"},
    "uk": {r"telefonisch rund um die Uhr": "цілодобово телефоном",
           r"jeden 1\. Samstag im Monat": "щомісяця в першу суботу",
           r"nach telefonischer Vereinbarung": "за домовленістю телефоном", r"nach Vereinbarung": "за домовленістю",
           r"kostenlos": "безкоштовно", r"Spende erbeten": "просимо пожертву",
           r"Kassenleistung mit Verordnung": "оплачує лікарняна каса за направленням",
           r"Kursgebühr": "плата за курс", r"Mitgliedsbeitrag": "членський внесок",
           r"Ermäßigung möglich": "можлива знижка",
           r"je Termin": "за зустріч", r"je Einkauf": "за покупку", r"je Treffen": "за зустріч",
           r"je Kurs": "за курс", r"im Monat": "на місяць", r"im Jahr": "на рік",
           r"für (\d+) Termine": "за {0} зустрічей",
           r"Mo": "Пн", r"Di": "Вт", r"Mi": "Ср", r"Do": "Чт", r"Fr": "Пт", r"Sa": "Сб", r"So": "Нд",
           r"und": "і", r"Uhr": "год."},
    "ru": {r"telefonisch rund um die Uhr": "круглосуточно по телефону",
           r"jeden 1\. Samstag im Monat": "каждую первую субботу месяца",
           r"nach telefonischer Vereinbarung": "по договорённости по телефону",
           r"nach Vereinbarung": "по договорённости",
           r"kostenlos": "бесплатно", r"Spende erbeten": "просим пожертвование",
           r"Kassenleistung mit Verordnung": "оплачивает больничная касса по направлению",
           r"Kursgebühr": "плата за курс", r"Mitgliedsbeitrag": "членский взнос",
           r"Ermäßigung möglich": "возможна скидка",
           r"je Termin": "за встречу", r"je Einkauf": "за покупку", r"je Treffen": "за встречу",
           r"je Kurs": "за курс", r"im Monat": "в месяц", r"im Jahr": "в год",
           r"für (\d+) Termine": "за {0} встреч",
           r"Mo": "Пн", r"Di": "Вт", r"Mi": "Ср", r"Do": "Чт", r"Fr": "Пт", r"Sa": "Сб", r"So": "Вс",
           r"und": "и", r"Uhr": "ч"},
}


def uebersetze(text: str | None, sprache: str) -> tuple[str, bool]:
    """The fixed words of an opening-hours or cost text in the sheet's language: ``(text, complete)``.

    ``complete`` is ``False`` when a word is left that is not a fixed word (free text typed in German); then the
    German text is returned unchanged, for the sheet to mark it as German.

    >>> uebersetze("Mo–Fr 8–12 Uhr, Di und Do 14–17 Uhr", "uk")
    ('Пн–Пт 8–12 год., Вт і Чт 14–17 год.', True)
    >>> uebersetze("kostenlos, Spende erbeten", "en")
    ('free of charge, donation welcome', True)
    >>> uebersetze("Mi ab 9 Uhr im Gemeindehaus", "en")
    ('Mi ab 9 Uhr im Gemeindehaus', False)
    """
    t = str(text or "")
    woerter = FESTE_WOERTER.get(sprache)
    if not t or woerter is None:
        return t, True
    muster = re.compile("|".join(f"(?P<w{i}>(?<![\\w])(?:{k})(?![\\w]))" for i, k in enumerate(woerter)))
    ersatz = list(woerter.values())
    teile, pos = [], 0
    for m in muster.finditer(t):
        luecke = t[pos:m.start()]
        if re.search(r"[^\W\d_]", luecke):
            return t, False
        i = int(m.lastgroup[1:])
        gruppen = [g for g in m.groups() if g is not None][1:]
        teile += [luecke, ersatz[i].format(*gruppen)]
        pos = m.end()
    rest = t[pos:]
    if re.search(r"[^\W\d_]", rest):
        return t, False
    return "".join(teile) + rest, True


_DEJAVU = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
           Path("/usr/share/fonts/TTF"))

# Sizes in pt (never below 12) and the steps of shortening when the page would overflow:
# (longest description in characters, 0 = none; longest other value; line height factor; with website).
_GROESSE = {"titel": 20, "name": 15, "text": 12}
_STUFEN = ((360, 200, 1.35, True), (200, 160, 1.3, True), (200, 160, 1.3, False), (110, 120, 1.25, False),
           (0, 90, 1.2, False), (0, 60, 1.2, False))


@dataclass(frozen=True)
class Schriften:
    """Font files: the main one, an optional fallback for Arabic, an optional real bold face."""

    normal: Path
    arabisch: Path | None = None
    fett: Path | None = None
    name: str = ""


def schriften() -> Schriften:
    """The fonts for the handout: Noto Sans (+ Arabic) from pip packages, else Debian's DejaVu Sans."""
    try:
        import fontpkg_noto_sans  # lazy: optional font packages, looked for only when a handout is made
        import fontpkg_noto_sans_arabic

        latin = sorted(p for p in (Path(fontpkg_noto_sans.ROOT) / "files").glob("NotoSans*.ttf")
                       if "Italic" not in p.name)
        arab = sorted((Path(fontpkg_noto_sans_arabic.ROOT) / "files").glob("NotoSansArabic*.ttf"))
        if latin and arab:
            return Schriften(normal=latin[0], arabisch=arab[0], name="Noto Sans")
    except ImportError:
        pass
    for ordner in _DEJAVU:
        if (ordner / "DejaVuSans.ttf").exists():
            fett = ordner / "DejaVuSans-Bold.ttf"
            return Schriften(normal=ordner / "DejaVuSans.ttf", fett=fett if fett.exists() else None,
                             name="DejaVu Sans")
    raise HandzettelFehler("Für den Handzettel fehlt eine Schrift mit lateinischen, kyrillischen und arabischen "
                           "Zeichen. Bitte die Pakete „fontpkg-noto-sans“ und „fontpkg-noto-sans-arabic“ "
                           "installieren (pip) oder Debians „fonts-dejavu-core“.")


def _kuerzen(text: str | None, n: int | None) -> str:
    t = " ".join(str(text or "").split())
    if n is None or len(t) <= n:
        return t
    if n <= 1:
        return ""
    cut = t[: n - 1].rsplit(" ", 1)[0] if " " in t[: n - 1] else t[: n - 1]
    return cut.rstrip(" ,;:-–") + " …"


def _fest(text: str | None, sprache: str, t: dict) -> str:
    """``text`` with its fixed words translated (:func:`uebersetze`), or the German text marked as German."""
    if not text:
        return ""
    uebersetzt, ganz = uebersetze(text, sprache)
    return uebersetzt if ganz or not t.get("auf_deutsch") else f"{text} {t['auf_deutsch']}"


def _ohne_schema(url: str | None) -> str:
    """A web address as people write it: without ``https://`` and a trailing slash (shorter, never cut).

    >>> _ohne_schema("https://www.example.org/familie/")
    'www.example.org/familie'
    """
    u = str(url or "").strip()
    for vorn in ("https://", "http://"):
        if u.lower().startswith(vorn):
            u = u[len(vorn):]
    return u.rstrip("/")


def _adresse(r: dict) -> str:
    ort = " ".join(x for x in (r.get("plz"), r.get("ort")) if x)
    return ", ".join(x for x in (r.get("strasse"), ort) if x)


class _Blatt:
    def __init__(self, sprache: str, fonts: Schriften, zeilenfaktor: float):
        from fpdf import FPDF  # lazy: heavy optional dependency, only for a handout

        self.t = TEXTE[sprache]
        self.rtl = sprache in _RTL
        self.f = zeilenfaktor
        pdf = FPDF(orientation="P", unit="mm", format="A4")
        pdf.set_margins(18, 14, 18)
        pdf.set_auto_page_break(True, margin=12)
        pdf.set_creator("Kita-Netzwerk Rhein-Hunsrück")
        pdf.set_title(self.t["titel"])
        pdf.set_lang(sprache)
        pdf.add_font("haupt", fname=str(fonts.normal))
        self.echt_fett = fonts.fett is not None
        if fonts.fett is not None:
            pdf.add_font("haupt", "B", fname=str(fonts.fett))
        if fonts.arabisch is not None:
            pdf.add_font("arabisch", fname=str(fonts.arabisch))
            pdf.set_fallback_fonts(["arabisch"], exact_match=False)
        try:
            pdf.set_text_shaping(True)
        except Exception as e:  # fpdf2 raises when uharfbuzz is missing
            raise HandzettelFehler("Für den Handzettel fehlt das Paket „uharfbuzz“ (Textsatz für Arabisch); "
                                   f"bitte installieren. ({e})") from None
        pdf.add_page()
        self.pdf = pdf
        self.breite = pdf.w - pdf.l_margin - pdf.r_margin

    @contextmanager
    def fett(self, groesse: float):
        from fpdf.enums import TextMode  # lazy: as FPDF above

        pdf = self.pdf
        if self.echt_fett:
            pdf.set_font("haupt", "B", groesse)
            yield
        else:  # the variable fonts come as their regular instance: draw bold with a thin outline
            pdf.set_font("haupt", "", groesse)
            # local_context wraps the text in q … Q, so the outline mode ends with it
            with pdf.local_context(text_mode=TextMode.FILL_STROKE, line_width=groesse * 0.018):
                yield
        pdf.set_font("haupt", "", _GROESSE["text"])

    def h(self, groesse: float) -> float:
        return groesse * 0.3528 * self.f

    def absatz(self, text: str, groesse: float = _GROESSE["text"], fett: bool = False, abstand: float = 0.0):
        pdf = self.pdf
        if not text:
            return
        if fett:
            with self.fett(groesse):
                pdf.multi_cell(self.breite, self.h(groesse), text, align="R" if self.rtl else "L",
                               new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("haupt", "", groesse)
            pdf.multi_cell(self.breite, self.h(groesse), text, align="R" if self.rtl else "L",
                           new_x="LMARGIN", new_y="NEXT")
        if abstand:
            pdf.ln(abstand)

    def zeile(self, label: str, wert: str, spalte: float = 44.0):
        """A label and a value side by side; on a right-to-left sheet the label stands on the right."""
        if not wert:
            return
        pdf = self.pdf
        groesse = _GROESSE["text"]
        h = self.h(groesse)
        y = pdf.get_y()
        wert_breite = self.breite - spalte - 2
        links = pdf.l_margin
        if self.rtl:
            x_label, x_wert = links + self.breite - spalte, links
        else:
            x_label, x_wert = links, links + spalte + 2
        with self.fett(groesse):
            pdf.set_xy(x_label, y)
            pdf.multi_cell(spalte, h, label, align="R" if self.rtl else "L", new_x="LMARGIN", new_y="NEXT")
        y1 = pdf.get_y()
        pdf.set_xy(x_wert, y)
        pdf.multi_cell(wert_breite, h, wert, align="R" if self.rtl else "L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(y1, pdf.get_y()))

    def kontakt(self, label: str, wert: str | None, spalte: float = 44.0) -> None:
        """A phone number, e-mail or web address: never broken inside. Beside the label when it fits, else on a
        line of its own under the label; a web address too long even for that is left out (never cut)."""
        if not wert:
            return
        pdf = self.pdf
        pdf.set_font("haupt", "", _GROESSE["text"])
        breite = pdf.get_string_width(wert) + 2 * pdf.c_margin + 2  # cells keep a margin on both sides
        if breite <= self.breite - spalte - 2:
            self.zeile(label, wert, spalte)
        elif breite <= self.breite:
            self.absatz(label, fett=True)
            pdf.set_font("haupt", "", _GROESSE["text"])
            pdf.cell(self.breite, self.h(_GROESSE["text"]), wert, align="R" if self.rtl else "L",
                     new_x="LMARGIN", new_y="NEXT")

    def linie(self):
        pdf = self.pdf
        pdf.ln(1.5)
        pdf.set_draw_color(150, 150, 150)
        pdf.set_line_width(0.3)
        y = pdf.get_y()
        pdf.line(pdf.l_margin, y, pdf.l_margin + self.breite, y)
        pdf.set_draw_color(0, 0, 0)
        pdf.ln(2.5)


def _render(daten: Netzdaten, angebote: list[dict], kita: dict | None, sprache: str, datum: str,
            fonts: Schriften, stufe: tuple) -> tuple[bytes, int]:
    max_text, max_wert, faktor, mit_website = stufe
    b = _Blatt(sprache, fonts, faktor)
    t = b.t
    thema_namen = {x["id"]: x.get("name") or x["id"] for x in daten.themen}
    b.absatz(t["titel"], _GROESSE["titel"], fett=True, abstand=1)
    b.absatz(t["einleitung"], abstand=0)
    b.absatz(t["daten_deutsch"], abstand=0)
    b.linie()
    for a in angebote:
        b.absatz(_kuerzen(a.get("name") or a["id"], 120), _GROESSE["name"], fett=True, abstand=0.5)
        was = a.get("beschreibung") or ", ".join(thema_namen.get(x, x) for x in a.get("themen") or [])
        b.zeile(t["was"], _kuerzen(was, max_text) if max_text else "")
        adresse = _adresse(a)
        b.zeile(t["adresse"], _kuerzen(adresse, max_wert) if adresse else t["ohne_adresse"])
        b.kontakt(t["telefon"], " ".join(str(a.get("telefon") or "").split()))
        b.kontakt(t["email"], str(a.get("email") or "").strip())
        if mit_website:
            b.kontakt(t["website"], _ohne_schema(a.get("website")))
        b.zeile(t["zeiten"], _kuerzen(_fest(a.get("oeffnungszeiten"), sprache, t), max_wert))
        kosten = a.get("kosten") or ""
        if a.get("kostenlos") is True and kosten.strip().casefold() in ("", "kostenlos", "kostenfrei", "gratis"):
            kosten = t["kostenlos"]
        else:
            kosten = _fest(kosten, sprache, t)
        b.zeile(t["kosten"], _kuerzen(kosten, max_wert))
        b.zeile(t["hinweis"], _kuerzen(_fest(a.get("hinweis"), sprache, t), max_wert))
        if a.get("aufsuchend") is True:
            b.absatz(t["aufsuchend"])
        b.linie()
    if kita:
        b.absatz(t["ihre_kita"], _GROESSE["text"] + 1, fett=True)
        b.absatz(_kuerzen(kita.get("name") or kita["id"], 120))
        b.zeile(t["adresse"], _kuerzen(_adresse(kita), max_wert))
        b.kontakt(t["telefon"], " ".join(str(kita.get("telefon") or "").split()))
        b.kontakt(t["email"], str(kita.get("email") or "").strip())
        fk = next((f for f in daten.fachkraefte if f["id"] == kita.get("fachkraft_id")), None)
        if fk:
            b.pdf.ln(1)
            b.absatz(t["ansprechperson"], _GROESSE["text"] + 1, fett=True)
            b.absatz(_kuerzen(fk.get("name") or "", 120))
            b.kontakt(t["telefon"], " ".join(str(fk.get("telefon") or "").split()))
            b.kontakt(t["email"], str(fk.get("email") or "").strip())
        b.linie()
    b.absatz(t["stand"].format(datum=datum))
    b.absatz(t["datenschutz"])
    return bytes(b.pdf.output()), b.pdf.page_no()


def handzettel(daten: Netzdaten, angebot_ids: list[str], *, kita_id: str | None = None, blatt_sprache: str = "de",
               datum: _dt.date | str | None = None) -> bytes:
    """The handout as PDF bytes: 1 to :data:`MAX_ANGEBOTE` Angebote, optionally the Kita's contact.

    The page never overflows: if it would, descriptions and long values are shortened step by step, and as a
    last step the description is left out (name, address, phone and opening hours always stay).

    Raises
    ------
    HandzettelFehler
        Wrong number of Angebote, unknown language, or no font.
    NichtGefundenFehler
        An Angebot or the Kita does not exist.
    """
    if blatt_sprache not in BLATT_SPRACHEN:
        raise HandzettelFehler(f"Die Sprache „{blatt_sprache}“ gibt es für den Handzettel nicht; möglich: "
                               + ", ".join(BLATT_SPRACHEN) + ".")
    ids = list(dict.fromkeys(angebot_ids))
    if not 1 <= len(ids) <= MAX_ANGEBOTE:
        raise HandzettelFehler(f"Bitte 1 bis {MAX_ANGEBOTE} Angebote für den Handzettel wählen.")
    nach_id = {a["id"]: a for a in daten.angebote}
    fehlt = [i for i in ids if i not in nach_id]
    if fehlt:
        raise NichtGefundenFehler("Diese Angebote gibt es im Verzeichnis nicht: " + ", ".join(fehlt) + ".")
    kita = None
    if kita_id:
        kita = next((k for k in daten.kitas if k["id"] == kita_id), None)
        if kita is None:
            raise NichtGefundenFehler(f"Die Kita „{kita_id}“ gibt es im Verzeichnis nicht.")
    if datum is None:
        datum = _dt.date.today()
    if isinstance(datum, str):
        datum = _dt.date.fromisoformat(datum[:10])
    datum_text = F.datum(datum)
    fonts = schriften()
    pdf = b""
    for stufe in _STUFEN:
        pdf, seiten = _render(daten, [nach_id[i] for i in ids], kita, blatt_sprache, datum_text, fonts, stufe)
        if seiten == 1:
            return pdf
    return pdf
