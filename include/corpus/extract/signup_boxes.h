#ifndef CORPUS_EXTRACT_SIGNUP_BOXES_H_
#define CORPUS_EXTRACT_SIGNUP_BOXES_H_

#include <cstdint>

#include "corpus/extract/dom_index.h"
#include "corpus/extract/phrase_book.h"

namespace corpus {

// Flags kDomBoilerplate on sign-up boxes: a <form> that asks for an e-mail
// address (an <input type=email>, or one named, labelled or placeholdered
// "email": Mailchimp's "EMAIL", WordPress's comment form) together with the
// pitch around it ("Subscribe to our free daily newsletter ...", "Your email
// address will not be published"). The form itself is boilerplate already
// (boilerplate.h); its pitch sits outside it. The box is the largest
// ancestor of the form with at most kMaxSignupBoxText bytes of text (and at
// most `max_box_text`, a share of the article's), never holding the first
// <h1>, a <main> or an <article>. For pages whose content is prose (an
// article): a contact page's form and its few lines are the page. Linear:
// each form's subtree is scanned once, up to a bound.
//
// Also flags pitch boxes: a call to action, a link that is all of its
// block's own text (or one of a row of such links that are, together, all
// of it: "Jetzt registrieren", "Abo abschließen") or a <button> on a line
// without text of its own, whose
// whole text is a phrase of `phrases`' [pitch_actions] ("Subscribe now",
// "Support us", "Jetzt abonnieren", "S'abonner") or opens and ends with a
// two-word one (PhraseSet::Frames: "Jetzt 4 Wochen für 0,99 € testen"), or
// opens with a verb of [pitch_verbs] before one to three words more, the
// site's name ("Support the Guardian", "Apoiar a Travessa"),
// with the pitch before it ("This article is for subscribers only", "...
// funded by readers like you"). A consent placeholder is such a box too:
// its action, a phrase of [consent_actions] ("Load video", "Inhalt laden",
// "Externe Inhalte anzeigen"), loads a video, map or post from another site
// once the reader agrees, and its text says so. The box is the largest ancestor
// of the action's block with at most kMaxPitchBoxText bytes of text and no
// more than kMaxPitchParagraphs paragraphs of running text, climbing
// through wrappers of blocks only (not into a list item with text of its
// own), under the same limits as a form's box otherwise. An action alone is
// a label's to judge (shop_labels.h).
//
// And lines opening with a phrase of [pitch_openings] ("Follow us on") or
// [paywall_openings] ("To view the full story", "Dieser Artikel ist nur für
// Abonnenten"), with their box as a call to action's; after a paywall's
// line, the siblings to the end of its parent go too when they hold at
// most kMaxPaywallTail bytes of text (the offers shown in place of the
// article's rest). A block written as lines between <br>s whose last
// line opens with a [pitch_openings] phrase loses that line alone (a news
// story's closing "▶ 제보하기 …" under its last paragraph, in one <p>).
//
// And short lines (at most 300 bytes) whose links, two or more, are all
// the site's profiles on two social networks or more, perhaps with an
// e-mail address or phone number for tips: a call to follow, whatever its
// words ("Follow City News on Facebook, X and Instagram").
//
// And boxes of answers: the nearest block of two <button>s in a row, with
// at most kMaxSignupBoxText bytes of text and no paragraph of running text
// ("Was this page helpful?" Yes, No; a poll's question and its choices); or,
// for buttons each in a block of its own (one to a list item), the nearest
// block holding both (or the one around it, when that holds only the
// buttons) under the same limits, when its text ends with a question mark.
void MarkSignupBoxes(DomIndex* dom, const PhraseSet& phrases, uint64_t max_box_text);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_SIGNUP_BOXES_H_
