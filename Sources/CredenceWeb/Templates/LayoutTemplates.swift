/// The frame of every page, and the login page. Mustache escapes `{{name}}` for HTML;
/// `{{{name}}}` is only used for markup these pages made themselves (a page body, an SVG).
enum LayoutTemplates {
  static let layout = """
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    {{#refreshSeconds}}<meta http-equiv="refresh" content="{{refreshSeconds}}">{{/refreshSeconds}}
    <title>{{title}} · Credence</title>
    <link rel="stylesheet" href="/assets/credence.css">
    <script src="/assets/credence.js" defer></script>
    </head>
    <body>
    <a class="skip" href="#main">Skip to content</a>
    <header class="site">
    <p class="brand">Credence</p>
    <nav aria-label="Main">
    <ul>
    <li><a href="/learner"{{#navLearner}} aria-current="page"{{/navLearner}}>Learners</a></li>
    <li><a href="/cohort"{{#navCohort}} aria-current="page"{{/navCohort}}>Cohort</a></li>
    <li><a href="/reference"{{#navReference}} aria-current="page"{{/navReference}}>Policy reference</a></li>
    </ul>
    </nav>
    {{#signedIn}}
    <form method="post" action="/logout" class="logout">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <button type="submit">Sign out</button>
    </form>
    {{/signedIn}}
    </header>
    <main id="main">
    {{{body}}}
    </main>
    <footer class="site">
    <p>Policy version <code>{{policyVersion}}</code>{{#asOf}} · decided as of <strong>{{asOf}}</strong>{{/asOf}}</p>
    </footer>
    </body>
    </html>
    """

  static let login = """
    <h1>Sign in</h1>
    <p>Sign in with an API key of this service that has the <code>decide</code> scope.
    The key is kept in a cookie of this browser until you sign out.</p>
    {{#error}}<p class="problem" role="alert">{{error}}</p>{{/error}}
    <form method="post" action="/login" class="stacked">
    <input type="hidden" name="next" value="{{next}}">
    <label for="key">API key</label>
    <input id="key" name="key" type="password" autocomplete="current-password" required>
    <button type="submit">Sign in</button>
    </form>
    """

  static let problem = """
    <h1>{{heading}}</h1>
    <p class="problem" role="alert">{{message}}</p>
    {{#hasSuggestions}}
    <p>Learners whose ids are close:</p>
    <ul class="suggestions">
    {{#suggestions}}<li><a href="/learner?id={{link}}{{#asOf}}&amp;as_of={{asOf}}{{/asOf}}">{{id}}</a></li>{{/suggestions}}
    </ul>
    {{/hasSuggestions}}
    <p><a href="{{backLink}}">{{backText}}</a></p>
    """
}
