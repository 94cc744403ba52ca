/// The cohort dashboard: the choice of decision and date, the progress while it is
/// computed, and the charts, each with its numbers in a table beside it.
enum CohortTemplates {
  static let form = """
    <form method="get" action="/cohort" class="search">
    <div class="field">
    <label for="decision">Decision</label>
    <select id="decision" name="decision">
    {{#decisions}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{title}} ({{kind}})</option>{{/decisions}}
    </select>
    </div>
    <div class="field">
    <label for="cohort-as-of">As of</label>
    <input id="cohort-as-of" name="as_of" type="date" value="{{asOf}}">
    </div>
    <button type="submit">Show the cohort</button>
    </form>
    """

  static let choose = """
    <h1>Cohort dashboard</h1>
    <p>Choose a decision and a date: the dashboard counts the outcomes of every learner in
    the store, what is most often missing, and what would complete it for the most learners.</p>
    {{>cohortForm}}
    """

  static let progress = """
    <h1>Cohort: {{title}}</h1>
    {{>cohortForm}}
    <section aria-live="polite">
    <h2>Computing</h2>
    {{#queued}}<p>Waiting for {{ahead}} other dashboard{{#plural}}s{{/plural}} to finish.</p>{{/queued}}
    {{#running}}
    <p><label for="cohort-progress">Learners decided</label>
    <progress id="cohort-progress" max="{{total}}" value="{{done}}">{{done}} of {{total}}</progress>
    {{done}} of {{total}}</p>
    {{/running}}
    <p>This page refreshes itself every {{refresh}} seconds; the result is kept for this
    policy version and date.</p>
    </section>
    """

  static let page = """
    <h1>Cohort: {{title}}</h1>
    {{>cohortForm}}
    <p class="as-of">{{learners}} learners in the store, decided as of <strong>{{asOf}}</strong>
    (<code>{{decision}}</code>, a {{kind}}; <a href="/reference#decision-{{decision}}">policy</a>).</p>
    {{#charts}}
    <section class="chart-pair" aria-labelledby="{{id}}-heading">
    <h2 id="{{id}}-heading">{{heading}}</h2>
    <p class="detail">{{explanation}}</p>
    {{#empty}}<p>{{empty}}</p>{{/empty}}
    {{^empty}}
    <div class="pair">
    <figure>{{{svg}}}</figure>
    <table class="numbers" id="{{id}}-table">
    <caption>{{heading}} (numbers)</caption>
    <thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}</tr></thead>
    <tbody>{{#rows}}<tr><th scope="row">{{label}}</th>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rows}}</tbody>
    </table>
    </div>
    {{/empty}}
    </section>
    {{/charts}}
    """
}
