//! The HTML writer escapes every text and attribute, so no catalog or clinic wording can
//! inject markup.

use backpain_intake::view::html::{escape_into, Markup, Write};

#[test]
fn text_and_attributes_are_escaped() {
    let mut m = Markup::new();
    m.element("p", &[("class", "a\"b"), ("data-x", "<&>'")], "<script>alert('x') & \"y\"</script>");
    assert_eq!(
        m.as_str(),
        "<p class=\"a&quot;b\" data-x=\"&lt;&amp;&gt;&#39;\">&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;</p>"
    );
}

#[test]
fn empty_attribute_names_are_skipped_and_empty_lists_write_nothing() {
    let mut m = Markup::new();
    m.open("div", &[("", "ignored"), ("id", "x")])
        .list::<&str>(&[])
        .titled_list::<&str>("h4", "c", "T", &[])
        .close("div");
    assert_eq!(m.as_str(), "<div id=\"x\"></div>");
    let mut m = Markup::new();
    m.titled_list("h4", "group", "Title", &["one", "two"]);
    assert_eq!(m.as_str(), "<div class=\"group\"><h4>Title</h4><ul><li>one</li><li>two</li></ul></div>");
}

#[test]
fn panels_name_themselves() {
    let mut m = Markup::new();
    m.panel("bpi-panel", "t", "Title", &[("data-outlook", "low")]).close("section");
    assert_eq!(
        m.as_str(),
        "<section class=\"bpi-panel\" aria-labelledby=\"t\" data-outlook=\"low\"><h3 id=\"t\">Title</h3></section>"
    );
}

#[test]
fn escaping_keeps_other_characters() {
    let mut out = String::new();
    escape_into(&mut out, "Café – 10/10 ✓");
    assert_eq!(out, "Café – 10/10 ✓");
}
