/// The learner page: the search form, every decision with its explanation folded to the
/// first level, the paths to the stacks not yet achieved, and the what-if box.
enum LearnerTemplates {
  static let search = """
    <form method="get" action="/learner" class="search" role="search">
    <div class="field">
    <label for="learner-id">Learner id</label>
    <input id="learner-id" name="id" value="{{id}}" list="learner-ids" autocomplete="off" data-suggest="/learner/suggest" required>
    <datalist id="learner-ids"></datalist>
    </div>
    <div class="field">
    <label for="as-of">As of</label>
    <input id="as-of" name="as_of" type="date" value="{{asOf}}">
    </div>
    <button type="submit">Show learner</button>
    </form>
    """

  static let searchPage = """
    <h1>Find a learner</h1>
    {{>search}}
    <p>Type the beginning of an id for suggestions. The page shows every decision of the
    policies in force for the learner, why, and what is still needed.</p>
    """

  static let page = """
    {{>search}}
    <h1>Learner <span class="learner-id">{{id}}</span></h1>
    <p class="as-of">Decided as of <strong>{{asOf}}</strong> with policy version <code>{{policyVersionShort}}</code>.
    <button type="button" class="print" data-print hidden>Print</button></p>
    {{#whatIf}}{{>whatIfResult}}{{/whatIf}}
    <section aria-labelledby="decisions-heading">
    <h2 id="decisions-heading">Decisions</h2>
    <table class="decisions">
    <caption>Every decision for this learner; open a row's explanation below.</caption>
    <thead><tr><th scope="col">Decision</th><th scope="col">Status</th><th scope="col">Result</th></tr></thead>
    <tbody>
    {{#results}}
    <tr><th scope="row"><a href="#result-{{anchor}}">{{title}}</a>{{#enrolment}}<br><span class="detail">enrolment {{enrolment}}</span>{{/enrolment}}</th>
    <td><span class="status status-{{statusClass}}">{{symbol}} {{status}}</span></td><td>{{summary}}</td></tr>
    {{/results}}
    </tbody>
    </table>
    {{#results}}
    <article class="decision" id="result-{{anchor}}" aria-labelledby="result-{{anchor}}-title">
    <h3 id="result-{{anchor}}-title">{{title}}{{#enrolment}} <span class="detail">(enrolment {{enrolment}})</span>{{/enrolment}}</h3>
    <p><span class="status status-{{statusClass}}">{{symbol}} {{status}}</span>{{#summary}} · {{summary}}{{/summary}}
    · <a href="/reference#decision-{{decision}}">policy: <code>{{decision}}</code></a></p>
    {{#explanation}}
    <div class="explanation">
    {{#hasChildren}}<ul class="tree" aria-label="Why">{{#children}}{{>node}}{{/children}}</ul>{{/hasChildren}}
    {{^hasChildren}}<p class="explanation-root"><span class="mark mark-{{mark}}" aria-hidden="true">{{symbol}}</span><span class="visually-hidden">{{markWord}}: </span>{{text}}</p>{{/hasChildren}}
    </div>
    {{/explanation}}
    </article>
    {{/results}}
    </section>
    <section aria-labelledby="paths-heading">
    <h2 id="paths-heading">Paths to the stacks not yet achieved</h2>
    {{^anyOpen}}<p>Every stack is achieved, or none is in effect on this date.</p>{{/anyOpen}}
    {{#plans}}{{>plan}}{{/plans}}
    {{#hasOtherStacks}}
    <h3>Other stacks not yet achieved</h3>
    <p>Not started yet: plan the paths to one of them.</p>
    <ul class="other-stacks">{{#otherStacks}}<li><a class="plan-link" href="{{link}}">{{title}}</a></li>{{/otherStacks}}</ul>
    {{/hasOtherStacks}}
    </section>
    {{>whatIfForm}}
    """

  /// One line of an explanation: a folded `<details>` when it has lines under it.
  static let node = """
    <li>{{#hasChildren}}<details><summary><span class="mark mark-{{mark}}" aria-hidden="true">{{symbol}}</span><span class="visually-hidden">{{markWord}}: </span>{{text}}</summary>
    <ul class="tree">{{#children}}{{>node}}{{/children}}</ul></details>{{/hasChildren}}{{^hasChildren}}<span class="mark mark-{{mark}}" aria-hidden="true">{{symbol}}</span><span class="visually-hidden">{{markWord}}: </span>{{text}}{{/hasChildren}}</li>
    """

  static let plan = """
    <article class="plan" id="{{anchor}}">
    <h3>{{title}}</h3>
    <p>{{statusText}} <a href="/reference#decision-{{decision}}">policy: <code>{{decision}}</code></a></p>
    {{#note}}<p class="note">{{note}}</p>{{/note}}
    {{#hasPaths}}
    <ol class="paths">
    {{#paths}}
    <li>
    <p><strong>{{codes}}</strong>{{#netCost}} · net cost after funding <strong>{{netCost}}</strong>{{/netCost}}{{#fees}} (fees {{fees}}){{/fees}}{{#hours}} · {{hours}} hours{{/hours}}</p>
    <ul>{{#steps}}<li><code>{{code}}</code>{{#title}} {{title}}{{/title}}: {{fills}}{{#fee}} · fee {{fee}}{{/fee}}</li>{{/steps}}</ul>
    {{#conditions}}<p class="note">Provided that {{conditions}}</p>{{/conditions}}
    {{#balanceNotes}}<p class="note">{{.}}</p>{{/balanceNotes}}
    {{#lowestGrade}}<p class="detail">Lowest grade that still completes it: {{lowestGrade}}</p>{{/lowestGrade}}
    </li>
    {{/paths}}
    </ol>
    {{/hasPaths}}
    </article>
    """

  static let whatIfForm = """
    <section aria-labelledby="what-if-heading" class="what-if">
    <h2 id="what-if-heading">What if</h2>
    <p>Add one award or several (say, the two courses she is thinking of) to see which
    decisions would change with all of them together. Nothing is stored; empty rows are left out.</p>
    <form method="post" action="/learner/what-if" class="what-if-form" novalidate>
    <input type="hidden" name="csrf" value="{{csrf}}">
    <input type="hidden" name="id" value="{{id}}">
    <input type="hidden" name="as_of" value="{{asOf}}">
    <datalist id="catalogue-codes">{{#catalogue}}<option value="{{code}}">{{title}}</option>{{/catalogue}}</datalist>
    <p id="what-if-grade-help" class="detail">The grade is optional; without one, a rule that reads the grade stays undetermined. The date is the evaluation date when left empty.</p>
    <div class="award-rows" data-award-rows data-most="{{whatIfMost}}">
    {{#whatIfRows}}{{>whatIfRow}}{{/whatIfRows}}
    </div>
    <p><button type="button" class="add-row" data-add-row hidden>Add another award</button>
    <button type="submit">Show what changes</button></p>
    </form>
    </section>
    """

  /// One award of the what-if form; a field with a mistake says so beside it.
  static let whatIfRow = """
    <fieldset class="award-row" data-award-row>
    <legend>Award {{number}}</legend>
    <div class="field"><label for="what-if-code-{{number}}">Credential code</label>
    <input id="what-if-code-{{number}}" name="code-{{number}}" list="catalogue-codes" value="{{code}}" autocomplete="off"{{#codeProblem}} aria-invalid="true" aria-describedby="what-if-code-{{number}}-problem"{{/codeProblem}}>
    {{#codeProblem}}<span id="what-if-code-{{number}}-problem" class="field-problem">{{codeProblem}}</span>{{/codeProblem}}</div>
    <div class="field"><label for="what-if-date-{{number}}">Awarded on</label>
    <input id="what-if-date-{{number}}" name="date-{{number}}" type="date" value="{{date}}"{{#dateProblem}} aria-invalid="true" aria-describedby="what-if-date-{{number}}-problem"{{/dateProblem}}>
    {{#dateProblem}}<span id="what-if-date-{{number}}-problem" class="field-problem">{{dateProblem}}</span>{{/dateProblem}}</div>
    <div class="field"><label for="what-if-grade-{{number}}">Grade</label>
    <input id="what-if-grade-{{number}}" name="grade-{{number}}" value="{{grade}}" aria-describedby="what-if-grade-help{{#gradeProblem}} what-if-grade-{{number}}-problem{{/gradeProblem}}"{{#gradeProblem}} aria-invalid="true"{{/gradeProblem}}>
    {{#gradeProblem}}<span id="what-if-grade-{{number}}-problem" class="field-problem">{{gradeProblem}}</span>{{/gradeProblem}}</div>
    </fieldset>
    """

  static let whatIfResult = """
    <section class="what-if-result" aria-labelledby="what-if-result-heading" id="what-if-result" tabindex="-1">
    {{#hasMistakes}}
    <h2 id="what-if-result-heading">The what-if form needs correcting</h2>
    <ul class="problem" role="alert">{{#mistakes}}<li><a href="#{{field}}">Award {{row}}</a>: {{message}}</li>{{/mistakes}}</ul>
    {{/hasMistakes}}
    {{^hasMistakes}}
    <h2 id="what-if-result-heading">What changes with {{award}}</h2>
    {{#problem}}<p class="problem" role="alert">{{problem}}</p>{{/problem}}
    {{#hasChanges}}
    <table class="changes">
    <caption>Decisions that would change</caption>
    <thead><tr><th scope="col">Decision</th><th scope="col">Now</th><th scope="col">With the award{{#severalAwards}}s{{/severalAwards}}</th></tr></thead>
    <tbody>
    {{#changes}}<tr><th scope="row"><a href="/reference#decision-{{decision}}">{{title}}</a>{{#enrolment}} <span class="detail">(enrolment {{enrolment}})</span>{{/enrolment}}</th><td>{{before}}</td><td>{{after}}</td></tr>{{/changes}}
    </tbody>
    </table>
    {{/hasChanges}}
    {{#noChange}}<p>No decision would change.</p>{{/noChange}}
    <p class="detail">{{unchanged}} other decision results stay as they are.</p>
    {{/hasMistakes}}
    </section>
    """
}
