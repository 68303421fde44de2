//! A one-screen Yew app: type an answer, it is listed; a button flips a state that an
//! effect watches. It exists only to be measured (bench/floor/measure.sh).

use std::rc::Rc;

use yew::prelude::*;

#[derive(Clone, PartialEq)]
struct Answers(Vec<String>);

impl Reducible for Answers {
    type Action = String;

    fn reduce(self: Rc<Self>, answer: String) -> Rc<Self> {
        let mut answers = self.0.clone();
        answers.push(answer);
        Rc::new(Answers(answers))
    }
}

#[component]
fn App() -> Html {
    let answers = use_reducer(|| Answers(Vec::new()));
    let lang = use_state(|| 0u8);
    use_effect_with(*lang, |_| ());
    let oninput = {
        let answers = answers.dispatcher();
        Callback::from(move |event: InputEvent| {
            answers.dispatch(event.target_unchecked_into::<web_sys::HtmlInputElement>().value())
        })
    };
    let onclick = {
        let lang = lang.clone();
        Callback::from(move |_: MouseEvent| lang.set(1))
    };
    html! {
        <div class="app">
            <h1>{ "Answers" }</h1>
            <input type="text" {oninput} />
            { for answers.0.iter().map(|a| html! { <p key={a.clone()}>{ a }</p> }) }
            <button type="button" {onclick}>{ "Switch" }</button>
        </div>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
