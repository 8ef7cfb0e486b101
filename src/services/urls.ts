// Public URLs the service mints. They go into credentials and QR codes: keep them stable.

const base = (publicUrl: URL) => publicUrl.href.replace(/\/$/, "");

export const credentialUrlOf = (publicUrl: URL, id: string) => `${base(publicUrl)}/credentials/${id}`;
export const achievementUrlOf = (publicUrl: URL, slug: string, code: string) =>
  `${base(publicUrl)}/orgs/${slug}/achievements/${encodeURIComponent(code)}`;
export const schemaUrlOf = (publicUrl: URL) => `${base(publicUrl)}/schemas/micro-qualification-credential.json`;
export const holderUrlOf = (publicUrl: URL, holderToken: string) => `${base(publicUrl)}/holder/${holderToken}`;
export const decisionSchemaUrlOf = (publicUrl: URL) => `${base(publicUrl)}/schemas/recognition-decision-credential.json`;
export const recognitionContextUrlOf = (publicUrl: URL) => `${base(publicUrl)}/contexts/recognition-decision-v1.jsonld`;
