#ifndef CORPUS_EXTRACT_POST_CHROME_H_
#define CORPUS_EXTRACT_POST_CHROME_H_

#include "corpus/extract/dom_index.h"

namespace corpus {

// Marks as boilerplate the chrome that sits *inside* a post or an article,
// where the page-level rules (boilerplate.h) cannot see it because its
// container is the content:
//
//  - author cards (itemprop=author, a schema.org Person, class names such as
//    "postprofile", "user-info", "message-user"): a forum thread's reference
//    text keeps each poster's name but not the rank, badges, join date,
//    post count or location shown under it, and an article's keeps neither
//    the author bio. Only the card's first line (the name) stays: the
//    own text of its block, whose inner blocks (a bio paragraph) go, and
//    so do the inline elements of the card's own line after the name's
//    block (a link "all articles by the author" under the bio).
//  - posters' cards of a thread laid out as a table (the classic forum
//    "post bit"), whatever their names: in two rows or more of two cells,
//    a cell that opens with a link and holds short lines only, beside a
//    cell of running text, is trimmed as a named card is.
//  - signatures ("signature", "sig" class/id tokens), unless they hold the
//    author card (some Q&A sites call the card block "post-signature");
//    and, whatever their names, blocks whose first line is a rule of
//    underscores alone ("__________________"), the line drawn above one.
//    Not an inline element, a <dt>, nor a line without sentence
//    punctuation over running text: an API reference's function signature
//    over its description (Sphinx's "sig", Javadoc's "member-signature").
//  - user titles (itemprop=jobTitle, "usertitle", "userbanner").
//  - ordinals: itemprop=position of at most 6 bytes (schema.org ListItem's
//    number, a thread's post numbers beside each post's date); a link
//    whose text is "#" and digits, last on its line (a post's permalink at
//    the end of its head: "14.05.2017, 20:11 #1").
//  - figure captions (<figcaption>): photo credits and captions are not the
//    article's text in the reference data of WCXB, nor in trafilatura's
//    default output (it drops them unless asked to keep images). Also
//    captions by whole class name ("wp-caption-text"), and elements with a
//    "caption" token that are short, hold no link and have a picture in
//    their parent; and inside a <figure>, a picture's credit set right
//    after its <img>, alone in their wrapper (a short inline element with
//    no link: "Getty Images").
//  - bylines ("byline", "dateline", "posted", "author" tokens, at most 300
//    bytes), on a page with at most two of them: more are the bylines of
//    a list of teasers, part of the list.
//  - fine print: "disclaimer", "footnotes" and "copyright" blocks.
// The class and id names are those of configs/extract/names.txt.
//  - form labels (<label>): sort and filter controls, consent check boxes;
//    not a label that is all of a list item's text, outside a form, in a
//    list of three items or more: a checklist (a recipe's ingredients).
//  - audio players' boxes: around an <audio> element, the largest box of
//    at most 240 bytes with no running text and not the headline (a
//    label, the clip's title, its running time). Not <video>: a service
//    page's hero sections play one behind their text.
//  - <noscript> notices that ask for JavaScript: about the reader's
//    browser, not the page (a page that is only such a notice is empty).
//
// Runs after MarkBoilerplate, in one pass over the flat index plus one
// pass per card over the card's own subtree (cards never nest); before it,
// one pass over table rows reading each row's cells (a table nested in a
// cell is read again at each level), and a climb from each <audio> element
// through boxes of at most 240 bytes of text.
void MarkPostChrome(DomIndex* dom);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_POST_CHROME_H_
