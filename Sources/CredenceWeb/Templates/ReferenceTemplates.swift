/// The policy reference page: `credence doc` for the policies in force.
enum ReferenceTemplates {
  static let page = """
    <h1>Policy reference</h1>
    <p>The policies in force, as their authors documented them: each decision, what it
    requires and why. Explanations on the learner pages link here.</p>
    <div class="reference">
    {{{reference}}}
    </div>
    """
}
