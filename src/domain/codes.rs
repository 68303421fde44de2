//! The `codes!` macro: a closed set of snake_case codes as a Rust enum.
//!
//! Every id and code in the contract (shared/design/domain.md) is a stable string. The
//! macro turns a list of `Variant = "code"` pairs into an enum with the code table, the
//! conversions in both directions and serde support through the code, so a code is
//! written exactly once in Rust and every other representation derives from it.

/// Declares a `Copy` enum whose variants each carry a stable snake_case code.
///
/// The generated enum has `ALL` (variants in declaration order), `CODES` (the codes in
/// the same order), `as_str`, `from_code` and `index`, and serialises as its code.
/// Declaration order is part of the contract of the share link (issue 4): append new
/// variants at the end, never reorder.
macro_rules! codes {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        #[allow(dead_code)]
        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every code, in declaration order.
            pub const CODES: &'static [&'static str] = &[$($code),+];

            /// The stable code of this variant.
            pub const fn as_str(self) -> &'static str {
                // The table `from_code` searches, rather than a `match`, which compiles
                // to a second table of the same strings.
                Self::CODES[self as usize]
            }

            /// The variant with this code, if any. A search of [`Self::CODES`] through one
            /// shared function: a `match` on the strings compiles to a comparison chain
            /// per enum, which costs the bundle more.
            pub fn from_code(code: &str) -> Option<Self> {
                Self::from_index($crate::domain::codes::position(Self::CODES, code)?)
            }

            /// The variant with this code, at compile time: the data tables that
            /// `build.rs` generates name their codes through this, so an unknown code in
            /// `data/` stops the build.
            pub const fn from_code_const(code: &str) -> Self {
                let mut i = 0;
                while i < Self::CODES.len() {
                    if $crate::domain::codes::const_eq(Self::CODES[i], code) {
                        return Self::ALL[i];
                    }
                    i += 1;
                }
                panic!("unknown code in data/")
            }

            /// The position of this variant in [`Self::ALL`].
            pub const fn index(self) -> usize {
                self as usize
            }

            /// The variant at this position in [`Self::ALL`].
            pub fn from_index(index: usize) -> Option<Self> {
                Self::ALL.get(index).copied()
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

pub(crate) use codes;

/// The position of `code` in `codes`.
pub fn position(codes: &[&str], code: &str) -> Option<usize> {
    codes.iter().position(|c| *c == code)
}

/// String equality usable in `const fn`.
pub const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
