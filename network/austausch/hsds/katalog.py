"""The HSDS 3.0 tables: names, files of the tabular form, columns with types, nested keys; stable ids; the
tabular data package (``datapackage.json``).

>>> hsds_id("service", "ang-001")
'8ec45fa2-cc64-5783-bf54-68cac546d9a8'
>>> TABELLEN["service"].pfad, len(TABELLEN)
('services.csv', 21)
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field

__all__ = ["HSDS_VERSION", "NAMESPACE", "FORMEN", "TABELLEN", "GESCHRIEBEN", "HsdsFeld", "HsdsTabelle", "hsds_id",
           "datapackage"]

#: The HSDS version written and read.
HSDS_VERSION = "3.0"

#: Namespace of every id written (uuid5 of this and our own key). Never change it: ids would change.
NAMESPACE = uuid.UUID("7076d030-0a42-41dd-85af-06cbf851c518")

#: The forms of an HSDS export: ``tabular`` (CSV + datapackage.json), ``json`` (services.json) or both.
FORMEN = ("tabular", "json", "both")


def hsds_id(art: str, schluessel: str) -> str:
    """The stable UUID of one HSDS object: ``art`` is the table, ``schluessel`` our key for it."""
    return str(uuid.uuid5(NAMESPACE, f"{art}:{schluessel}"))


# --- The HSDS 3.0 tables -------------------------------------------------------------------------------------------
# One line per table: name, file of the tabular form, then its columns in the official order as
# ``name[:type][!][=enum|values]`` (type string if omitted; ``!`` = required in the tabular form). Nested keys of the
# JSON form follow after ``>`` as ``key:table`` (``key:table[]`` for arrays). A test compares this with the vendored
# official schemas (tests/daten/hsds/schema/).
_KATALOG = """
organization organizations.csv id:uuid! name! alternate_name description! email:email website:uri tax_status tax_id
  year_incorporated:number legal_status logo uri:uri parent_organization_id:uuid
  > funding:funding[] contacts:contact[] phones:phone[] locations:location[] programs:program[]
  organization_identifiers:organization_identifier[] attributes:attribute[] metadata:metadata[]
program programs.csv id:uuid! organization_id:uuid! name! alternate_name description!
  > attributes:attribute[] metadata:metadata[]
service services.csv id:uuid! organization_id:uuid! program_id:uuid name! alternate_name description url:uri
  email:email status!=active|inactive|defunct|temporarily_closed interpretation_services application_process
  fees_description wait_time fees accreditations eligibility_description minimum_age:number maximum_age:number
  assured_date:date assurer_email:email licenses alert last_modified:datetime
  > phones:phone[] schedules:schedule[] service_areas:service_area[] service_at_locations:service_at_location[]
  languages:language[] organization:organization funding:funding[] cost_options:cost_option[] program:program
  required_documents:required_document[] contacts:contact[] attributes:attribute[] metadata:metadata[]
attribute attributes.csv id:uuid! link_id:uuid! taxonomy_term_id:uuid! link_type link_entity! value
  > taxonomy_term:taxonomy_term metadata:metadata[]
service_at_location service_at_location.csv id:uuid! service_id:uuid! location_id:uuid! description
  > contacts:contact[] phones:phone[] schedules:schedule[] location:location attributes:attribute[]
  metadata:metadata[]
location locations.csv id:uuid! location_type!=physical|postal|virtual url:uri organization_id:uuid name
  alternate_name description transportation latitude:number longitude:number external_identifier
  external_identifier_type
  > languages:language[] addresses:address[] contacts:contact[] accessibility:accessibility[] phones:phone[]
  schedules:schedule[] attributes:attribute[] metadata:metadata[]
phone phones.csv id:uuid! location_id:uuid service_id:uuid organization_id:uuid contact_id:uuid
  service_at_location_id:uuid number! extension:number type description
  > languages:language[] attributes:attribute[] metadata:metadata[]
contact contacts.csv id:uuid! organization_id:uuid service_id:uuid service_at_location_id:uuid location_id:uuid
  name title department email:email
  > phones:phone[] attributes:attribute[] metadata:metadata[]
address addresses.csv id:uuid! location_id:uuid attention address_1! address_2 city! region state_province!
  postal_code! country! address_type!=physical|postal|virtual
  > attributes:attribute[] metadata:metadata[]
schedule schedules.csv id:uuid! service_id:uuid location_id:uuid service_at_location_id:uuid valid_from:date
  valid_to:date dtstart:date timezone:number until:date count:number wkst=MO|TU|WE|TH|FR|SA|SU
  freq=WEEKLY|MONTHLY interval:number byday byweekno bymonthday byyearday description opens_at:time
  closes_at:time schedule_link:uri attending_type notes
  > attributes:attribute[] metadata:metadata[]
funding funding.csv id:uuid! organization_id:uuid service_id:uuid source
  > attributes:attribute[] metadata:metadata[]
service_area service_areas.csv id:uuid! service_id:uuid name description extent extent_type uri
  > attributes:attribute[] metadata:metadata[]
required_document required_documents.csv id:uuid! service_id:uuid document uri:uri
  > attributes:attribute[] metadata:metadata[]
language languages.csv id:uuid! service_id:uuid location_id:uuid phone_id:uuid name code note
  > attributes:attribute[] metadata:metadata[]
accessibility accessibility.csv id:uuid! location_id:uuid description details url:uri
  > attributes:attribute[] metadata:metadata[]
taxonomy_term taxonomy_terms.csv id:uuid! code name! description! parent_id:uuid taxonomy language
  taxonomy_id:uuid term_uri:uri
  > taxonomy_detail:taxonomy metadata:metadata[]
metadata metadata.csv id:uuid! resource_id:uuid! resource_type! last_action_date:date! last_action_type!
  field_name! previous_value! replacement_value! updated_by!
meta_table_description meta_table_descriptions.csv id:uuid! name language character_set
  > attributes:attribute[] metadata:metadata[]
cost_option cost_options.csv id:uuid! service_id:uuid! valid_from:date valid_to:date option currency
  amount:number amount_description
  > attributes:attribute[] metadata:metadata[]
organization_identifier organization_identifiers.csv id:uuid! organization_id:uuid! identifier_scheme
  identifier_type! identifier!
  > attributes:attribute[] metadata:metadata[]
taxonomy taxonomies.csv id:uuid! name! description! uri:uri version
  > metadata:metadata[]
"""


#: Columns besides ``id`` that the official package declares ``unique``.
_EINDEUTIG = {("program", "organization_id"), ("taxonomy_term", "code")}


@dataclass(frozen=True)
class HsdsFeld:
    """One column of an HSDS table: ``typ`` is string, uuid, email, uri, number, date, time or datetime."""

    name: str
    typ: str = "string"
    pflicht: bool = False
    erlaubt: tuple[str, ...] = ()
    eindeutig: bool = False


@dataclass(frozen=True)
class HsdsTabelle:
    """One HSDS table: its name, its file in the tabular form, its columns and its nested keys (JSON form)."""

    name: str
    pfad: str
    felder: tuple[HsdsFeld, ...]
    kinder: dict = field(default_factory=dict)  # key -> (table, is_list)

    @property
    def spalten(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.felder)


def _katalog() -> dict[str, HsdsTabelle]:
    tabellen = {}
    bloecke = re.split(r"\n(?=\S)", _KATALOG.strip())
    for block in bloecke:
        teile = block.split(">")
        kopf = teile[0].split()
        name, pfad, felder = kopf[0], kopf[1], []
        for t in kopf[2:]:
            erlaubt: tuple[str, ...] = ()
            if "=" in t:
                t, werte = t.split("=", 1)
                erlaubt = tuple(w.replace("_", " ") for w in werte.split("|"))
            pflicht = t.endswith("!")
            t = t.rstrip("!")
            fname, _, typ = t.partition(":")
            felder.append(HsdsFeld(fname, typ or "string", pflicht, erlaubt,
                                   fname == "id" or (name, fname) in _EINDEUTIG))
        kinder = {}
        for k in (teile[1].split() if len(teile) > 1 else []):
            key, tab = k.split(":")
            kinder[key] = (tab.removesuffix("[]"), tab.endswith("[]"))
        tabellen[name] = HsdsTabelle(name, pfad, tuple(felder), kinder)
    return tabellen


#: All 21 tables of HSDS 3.0, in the order of the official datapackage.json.
TABELLEN: dict[str, HsdsTabelle] = _katalog()

#: The tables an export writes (the tabular form writes each, header only when empty).
GESCHRIEBEN = ("organization", "service", "attribute", "service_at_location", "location", "phone", "contact",
               "address", "schedule", "service_area", "language", "accessibility", "taxonomy_term", "cost_option",
               "taxonomy")

def _feldtyp(f: HsdsFeld) -> dict:
    typ = {"uuid": "string", "email": "string", "uri": "string"}.get(f.typ, f.typ)
    d = {"name": f.name, "type": typ}
    if f.typ in ("uuid", "email", "uri"):
        d["format"] = f.typ
    d["constraints"] = {"required": f.pflicht, "unique": f.eindeutig}
    if f.erlaubt:
        d["constraints"]["enum"] = list(f.erlaubt)
    return d


def datapackage(tabellen: tuple[str, ...] = GESCHRIEBEN) -> dict:
    """The ``datapackage.json`` of the tabular form: HSDS's tabular data package, cut to ``tabellen``."""
    resources = []
    for name in TABELLEN:
        if name not in tabellen:
            continue
        tab = TABELLEN[name]
        fks = [{"fields": f.name, "reference": {"resource": f.name[:-3], "fields": "id"}}
               for f in tab.felder if f.name.endswith("_id") and f.name[:-3] in tabellen and f.name[:-3] != name]
        schema = {"primaryKey": "id", "fields": [_feldtyp(f) for f in tab.felder]}
        if fks:
            schema["foreignKeys"] = sorted(fks, key=lambda k: k["fields"])
        resources.append({"name": name, "path": tab.pfad, "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8", "profile": "tabular-data-resource", "schema": schema})
    return {
        "profile": "tabular-data-package",
        "name": "kita-netzwerk-rhein-hunsrueck-angebote",
        "title": "Angebote für Familien – Kita-Netzwerk Rhein-Hunsrück-Kreis",
        "description": "Verzeichnis der Angebote für Familien (Beratung, Unterstützung, Freizeit) der "
                       "Kita-Sozialarbeit im Rhein-Hunsrück-Kreis im Format Open Referral HSDS 3.0. Uhrzeiten in "
                       "schedules.csv sind Ortszeit (Europe/Berlin). Kitas und Kooperationen sind nicht enthalten.",
        "version": "3.0.0",
        "homepage": "https://docs.openreferral.org/en/v3.0/",
        "resources": resources,
    }

