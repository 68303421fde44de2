//! Component state without a reducer per type of value.
//!
//! Yew's `use_state` is a generic reducer: every type of value kept with it compiles its
//! own reducer, dispatcher, handle and deref history into the wasm. [`use_value`] keeps the
//! value in a `use_mut_ref` cell and renders again through `use_force_update`, which is
//! one shared, non-generic hook. Like a `UseStateHandle` in this Yew, a clone reads the
//! current value, and setting one always renders the component again.

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use yew::prelude::*;

/// A value the component renders from: setting it renders the component again.
pub(super) struct Value<T> {
    cell: Rc<RefCell<T>>,
    render: UseForceUpdateHandle,
}

impl<T> Clone for Value<T> {
    fn clone(&self) -> Value<T> {
        Value { cell: self.cell.clone(), render: self.render.clone() }
    }
}

impl<T> Value<T> {
    /// Replaces the value and renders again (no borrow may be held: the render reads it).
    pub(super) fn set(&self, value: T) {
        drop(self.cell.replace(value));
        self.render.force_update();
    }

    /// The current value, borrowed until the guard is dropped (never across a `set`).
    pub(super) fn borrow(&self) -> Ref<'_, T> {
        self.cell.borrow()
    }
}

impl<T: Copy> Value<T> {
    /// The current value.
    pub(super) fn get(&self) -> T {
        *self.cell.borrow()
    }
}

/// `use_state`, for the values of this widget: see the module.
#[hook]
pub(super) fn use_value<T: 'static>(init: impl FnOnce() -> T) -> Value<T> {
    Value { cell: use_mut_ref(init), render: use_force_update() }
}
