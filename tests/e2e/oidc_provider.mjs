// A real, certified OpenID provider (npm package oidc-provider) for the browser test of „Mit dem Konto des
// Kreises anmelden“ (tests/e2e/test_oidc_browser.py). Development only: the built-in login page accepts any
// password; the accounts below decide the claims.
//
//   node tests/e2e/oidc_provider.mjs <port> <redirect_uri>      (OIDC_PROVIDER_MODUL: path of oidc-provider)
//
// Prints "bereit <issuer>" when it listens.
import { pathToFileURL } from 'node:url';

const [port, redirectUri] = process.argv.slice(2);
const modul = process.env.OIDC_PROVIDER_MODUL;
const { default: Provider } = await import(pathToFileURL(modul).href);

// E-mail → groups (the district's directory); „fremd“ is in no group the app knows, „erfunden“ in a group
// whose name looks like a role that does not exist.
const KONTEN = {
  'koordination@kreis.example.org': ['KJA-Kita-Koordination', 'Alle'],
  'fachkraft@kreis.example.org': ['KJA-Kita-Sozialarbeit'],
  'fremd@kreis.example.org': ['Bauamt'],
  'erfunden@kreis.example.org': ['superadmin', 'KJA-Kita-Superadmin'],
};

const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [{
    client_id: 'kita-netzwerk',
    client_secret: 'test-geheimnis-nur-fuer-den-test',
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
  conformIdTokenClaims: false, // the ID token carries the claims (Streamlit reads st.user from it)
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ['test-schluessel-1'] },
  pkce: { required: () => true },
  async findAccount(ctx, id) {
    const email = String(id).trim().toLowerCase();
    const gruppen = KONTEN[email] || [];
    return {
      accountId: email,
      async claims() {
        return { sub: email, email, email_verified: true, name: email.split('@')[0], groups: gruppen };
      },
    };
  },
});
provider.proxy = false;
provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`bereit ${issuer}`);
});
