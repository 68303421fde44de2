//! Yew function components, one per file, and the function that mounts the widget.

mod app;

pub use app::App;

/// The id of the element the widget renders into.
pub const ROOT_ID: &str = "backpain-intake";

/// The class every widget stylesheet selector is scoped under.
pub const ROOT_CLASS: &str = "bpi-root";

/// Renders [`App`] into the element with id [`ROOT_ID`].
///
/// A page without that element still gets a working widget: a root element carrying
/// [`ROOT_CLASS`] is appended to the body, so the scoped styles apply there too.
pub fn mount() {
    match find_or_create_root() {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}

fn find_or_create_root() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    if let Some(root) = document.get_element_by_id(ROOT_ID) {
        return Some(root);
    }
    let root = document.create_element("div").ok()?;
    root.set_id(ROOT_ID);
    root.set_class_name(ROOT_CLASS);
    document.body()?.append_child(&root).ok()?;
    Some(root)
}
