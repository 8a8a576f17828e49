import type { FakeUser } from "./state";

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 46rem; padding: 0 1rem; color: #0f1419; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
  .banner { background: #fff4d6; border: 1px solid #e6c35c; padding: .5rem .75rem; border-radius: 6px; }
  .error { background: #fde8e8; border: 1px solid #e08a8a; padding: .5rem .75rem; border-radius: 6px; }
  fieldset { border: 1px solid #cfd9de; border-radius: 6px; margin: 1rem 0; }
  label { margin-right: .5rem; } input[type=text] { margin: .25rem 0 .75rem; padding: .25rem; width: 16rem; }
  button { font: inherit; padding: .4rem 1rem; margin-right: .5rem; border-radius: 999px; border: 1px solid #0f1419; cursor: pointer; }
  button[value=authorize] { background: #0f1419; color: #fff; }
  ol.thread, ol.thread ol { list-style: none; padding-left: 1.25rem; border-left: 2px solid #cfd9de; }
  li.post { margin: .5rem 0; } .meta { color: #536471; font-size: .85rem; } .deleted { text-decoration: line-through; color: #8b98a5; }
`;

export function renderLayout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<p class="banner">X sandbox: a local stand-in for X. Nothing here reaches the real X.</p>
${body}
</body>
</html>`;
}

export function renderErrorPage(title: string, message: string): string {
  return renderLayout(
    title,
    `<h1>${escapeHtml(title)}</h1>\n<p class="error" role="alert">${escapeHtml(message)}</p>`,
  );
}

const SCOPE_DESCRIPTIONS: Record<string, string> = {
  "tweet.read": "Read posts you can see",
  "tweet.write": "Post and delete posts for you",
  "users.read": "Read your profile and other accounts",
  "offline.access": "Stay connected until you revoke access",
  "media.write": "Upload media for you",
};

export interface ConsentPageInput {
  consentId: string;
  clientId: string;
  scopes: string[];
  users: FakeUser[];
  error?: string;
  name?: string;
  username?: string;
}

function renderUserChoices(users: FakeUser[]): string {
  const existing = users.map((user, index) => {
    const id = `user-${escapeHtml(user.id)}`;
    const checked = index === 0 ? " checked" : "";

    return `<div><input type="radio" name="user_id" id="${id}" value="${escapeHtml(user.id)}"${checked}>
<label for="${id}">${escapeHtml(user.name)} (@${escapeHtml(user.username)})</label></div>`;
  });
  const newChecked = users.length === 0 ? " checked" : "";

  return `${existing.join("\n")}
<div><input type="radio" name="user_id" id="user-new" value="new"${newChecked}>
<label for="user-new">Create a new user</label></div>`;
}

export function renderConsentPage(input: ConsentPageInput): string {
  const scopes = input.scopes
    .map(
      (scope) => `<li><code>${escapeHtml(scope)}</code> ${escapeHtml(SCOPE_DESCRIPTIONS[scope] ?? "")}</li>`,
    )
    .join("\n");
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : "";

  const body = `<h1>Authorize ${escapeHtml(input.clientId)} to use your account?</h1>
${error}
<p>The app asks for:</p>
<ul>${scopes}</ul>
<form method="post" action="/i/oauth2/authorize">
<input type="hidden" name="consent_id" value="${escapeHtml(input.consentId)}">
<fieldset>
<legend>Sign in as</legend>
${renderUserChoices(input.users)}
<div><label for="new-name">Display name</label><br>
<input type="text" id="new-name" name="name" maxlength="50" autocomplete="off" value="${escapeHtml(input.name ?? "")}"></div>
<div><label for="new-username">Handle</label><br>
<input type="text" id="new-username" name="username" maxlength="15" autocomplete="off" value="${escapeHtml(input.username ?? "")}"></div>
</fieldset>
<button type="submit" name="decision" value="authorize">Authorize app</button>
<button type="submit" name="decision" value="cancel">Cancel</button>
</form>`;

  return renderLayout("Authorize app - X sandbox", body);
}
