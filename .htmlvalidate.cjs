// html-validate over the built site (tests/test_html_validity.py). Rules about standards and
// document structure; not the stylistic ones (trailing whitespace and the like in generated HTML).
module.exports = {
  extends: ["html-validate:standard", "html-validate:document"],
  rules: {
    // Subresource integrity protects resources from other origins; the site loads none (checked by
    // tests/test_no_external_requests.py), so require it for cross-origin resources only.
    "require-sri": ["error", { target: "crossorigin" }],
  },
};
