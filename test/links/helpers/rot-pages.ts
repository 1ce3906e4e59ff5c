/**
 * Realistic pages for the rot farm (see rot-farm.ts): what parkers, marketplaces, soft-404
 * sites, single-page apps and login walls serve. Written for these tests.
 */

const html = (head: string, body: string) => `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

/** A parked domain: ads in a frame loaded by a parking service's script, and a for-sale banner. */
export function parkedPage(domain: string): string {
  return html(
    `<title>${domain}</title>\n<script type="text/javascript" src="//img.sedoparking.com/js/jquery.min.js"></script>\n<script>var parkingData = { domain: "${domain}", pid: "partner-123", tid: "sedo_lander" };</script>`,
    `<div class="header"><h1>${domain}</h1><p>Related Searches</p></div>
<iframe id="ads" src="https://img.sedoparking.com/ads/frame.html?d=${domain}" width="100%" height="600"></iframe>
<ul class="related"><li><a href="/?kw=developer+tools">Developer Tools</a></li><li><a href="/?kw=cloud+hosting">Cloud Hosting</a></li><li><a href="/?kw=online+courses">Online Courses</a></li></ul>
<div class="footer">This domain may be for sale. <a href="https://sedo.com/search/details/?domain=${domain}">Inquire now</a> · Privacy Policy</div>`,
  );
}

/** A marketplace's for-sale lander served on the domain itself (no parking script). */
export function forSalePage(domain: string): string {
  return html(
    `<title>${domain} is for sale | Buy this domain</title>\n<meta name="description" content="The domain ${domain} is available. Make an offer today.">\n<link rel="stylesheet" href="/static/lander.css">`,
    `<main class="lander"><h1>This domain is for sale!</h1>
<p class="name">${domain}</p>
<p>Get this premium domain name for your business. Buy now for $2,495 or make an offer.</p>
<form action="/offer" method="post"><input name="amount" placeholder="Your offer (USD)"><button>Make an offer</button></form>
<ul class="trust"><li>Secure escrow payment</li><li>Fast transfer, usually within 24 hours</li><li>Buyer protection</li></ul>
</main>`,
  );
}

const docsNav = `<nav><a href="/">Home</a> <a href="/guide/install">Install</a> <a href="/guide/config">Configuration</a> <a href="/api">API</a></nav>`;

/** The docs site's real pages. */
export function docsPage(title: string, body: string): string {
  return html(`<title>${title} | ToolDocs</title>`, `${docsNav}\n<main><h1>${title}</h1>\n${body}</main>\n<footer>ToolDocs · MIT licensed</footer>`);
}

/** The docs site's soft 404: status 200, "Page not found" with the path echoed. */
export function docsNotFound(path: string): string {
  return html(
    '<title>Page Not Found | ToolDocs</title>',
    `${docsNav}\n<main><h1>Oops! Page not found</h1>\n<p>We could not find <code>${path.replace(/[<&>]/g, '')}</code>. It may have moved, or the link may be out of date.</p>
<p>Try the <a href="/search">search</a>, or start again from the <a href="/">home page</a>.</p></main>\n<footer>ToolDocs · MIT licensed</footer>`,
  );
}

/** A German site's soft 404. */
export function germanNotFound(): string {
  return `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Seite nicht gefunden – Werkzeugkiste</title></head>
<body><h1>Fehler 404</h1><p>Die angeforderte Seite existiert leider nicht. Zurück zur <a href="/">Startseite</a>.</p></body></html>`;
}

export function germanPage(): string {
  return `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Installation – Werkzeugkiste</title></head>
<body><h1>Installation</h1><p>So installieren Sie die Werkzeugkiste auf Linux, macOS und Windows. Laden Sie das Paket herunter und folgen Sie den Schritten.</p></body></html>`;
}

/** A real article about HTTP errors that says 404 many times in its text (not in its title). */
export function articleMentioning404(): string {
  return html(
    '<title>Understanding HTTP status codes – Web Notes</title>',
    `<article><h1>Understanding HTTP status codes</h1>
<p>Every response carries a status code. A 200 means the request worked; a 301 means the resource moved for good.</p>
<h2>404 Not Found</h2>
<p>A 404 means the server could not find the page. Many sites show a friendly "page not found" message with a search box; some wrongly answer 200 with such a page, which is called a soft 404.</p>
<p>Use 410 Gone when a page was removed on purpose. Never redirect every missing page to your home page.</p>
</article>`,
  );
}

/** A real article whose title is about 404 pages. */
export function articleAbout404Pages(): string {
  return html(
    '<title>Designing a friendly 404 page | UX Notes</title>',
    `<article><h1>Designing a friendly 404 page</h1><p>A good error page admits the mistake, offers a search box and links to popular pages. Here are twelve examples we like, and what they do well.</p></article>`,
  );
}

/** The front page of a small product site (also served at every unknown path by one site). */
export function productHome(canonical?: string): string {
  return html(
    `<title>Shipyard – deploy previews for every pull request</title>${canonical ? `\n<link rel="canonical" href="${canonical}">` : ''}`,
    `<header><a href="/">Shipyard</a> <a href="/features">Features</a> <a href="/pricing">Pricing</a> <a href="/blog">Blog</a></header>
<main><h1>Deploy previews for every pull request</h1>
<p>Shipyard builds each pull request into its own short-lived environment, so reviewers can click through the change before it is merged. It works with GitHub, GitLab and Bitbucket, and tears the environment down when the pull request closes.</p>
<p>Teams use it to catch layout bugs, test database migrations on a copy of production data, and show product managers work in progress without a staging queue.</p>
</main><footer>© Shipyard Labs</footer>`,
  );
}

export function productPage(title: string, canonical?: string): string {
  return html(
    `<title>${title} – Shipyard</title>${canonical ? `\n<link rel="canonical" href="${canonical}">` : ''}`,
    `<header><a href="/">Shipyard</a></header><main><h1>${title}</h1>
<p>Preview environments start in under a minute, share a database snapshot, and post their address back to the pull request as a comment. Plans start free for open-source projects; teams pay per concurrent environment.</p>
</main><footer>© Shipyard Labs</footer>`,
  );
}

/** A single-page app's shell: the same HTML at every path; the browser renders the route. */
export function appShell(): string {
  return html(
    '<title>Dashboardly</title>\n<link rel="icon" href="/favicon.ico">\n<script type="module" crossorigin src="/assets/index-4f2a9c.js"></script>',
    '<noscript>You need to enable JavaScript to run this app.</noscript>\n<div id="root"></div>',
  );
}

export function loginPage(): string {
  return html(
    '<title>Sign in · Teamspace</title>',
    `<main class="auth"><h1>Sign in to Teamspace</h1><form action="/session" method="post"><label>Email <input name="email"></label><label>Password <input type="password" name="password"></label><button>Sign in</button></form><p><a href="/password_reset">Forgot your password?</a></p></main>`,
  );
}

/** A page whose title says not found on a host that answers real 404s (one sign only). */
export function lonelyNotFound(): string {
  return html('<title>404 - Not Found</title>', '<h1>Not Found</h1><p>The requested URL was not found on this server.</p>');
}

/** A reference page about the 404 status: its title says "404 Not Found", and so does its address. */
export function statusReference(): string {
  return html(
    '<title>404 Not Found - HTTP status codes | Web Reference</title>',
    `<main><h1>404 Not Found</h1><p>The 404 Not Found status code means the server cannot find the requested resource. Links that lead to a 404 page are often called broken or dead links.</p>
<h2>Example</h2><pre>HTTP/1.1 404 Not Found\nContent-Type: text/html</pre><h2>See also</h2><ul><li><a href="/status/410">410 Gone</a></li></ul></main>`,
  );
}
