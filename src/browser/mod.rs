//! Adapters at the edge between the widget and the browser: local storage, the location
//! hash, the clipboard and the embed configuration. They translate browser failures into
//! domain types so that the UI shows a notice instead of panicking.
