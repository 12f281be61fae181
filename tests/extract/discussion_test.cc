// Discussion pages (discussion.h): their comment-named posts are content.
#include "corpus/extract/discussion.h"

#include <gtest/gtest.h>

#include <gumbo.h>

#include <string>
#include <vector>

#include "corpus/extract/extractor.h"
#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::Has;

// An opening post followed by a long "comments" section of replies: not long
// enough to pass for the page by size alone.
std::string Thread(const std::string& head, const std::string& reply_attrs) {
  std::string replies;
  for (int i = 0; i < 3; ++i) {
    replies += "<div class='comment' " + reply_attrs + "><p>Reply " + std::to_string(i) +
               ": I tried the same thing last spring, and the seedlings only took once I "
               "moved the trays closer to the window.</p></div>";
  }
  std::string post;
  for (int i = 0; i < 4; ++i) {
    post += "<p>Opening post, part " + std::to_string(i) + ": my tomato seedlings grow tall "
            "and thin under the lamp, and fall over before they are ready to plant out.</p>";
  }
  return "<html><head>" + head + "</head><body><main><h1>Leggy seedlings</h1>" + post +
         "<section class='comments'>" + replies + "</section></main></body></html>";
}

std::string Extract(const std::string& html) {
  ExtractOptions o;
  return ExtractMainContent(html, "", o).text;
}

TEST(DiscussionTest, CommentsUnderAnOrdinaryPageGo) {
  const std::string t = Extract(Thread("", ""));
  EXPECT_TRUE(Has(t, "Opening post, part 3"));
  EXPECT_FALSE(Has(t, "Reply 0"));
}

TEST(DiscussionTest, JsonLdForumPostingKeepsTheReplies) {
  const std::string ld =
      "<script type='application/ld+json'>{\"@context\":\"https://schema.org\","
      "\"@type\":\"DiscussionForumPosting\",\"headline\":\"Leggy seedlings\"}</script>";
  const std::string t = Extract(Thread(ld, ""));
  EXPECT_TRUE(Has(t, "Opening post, part 0"));
  EXPECT_TRUE(Has(t, "Reply 0"));
  EXPECT_TRUE(Has(t, "Reply 2"));
}

TEST(DiscussionTest, MicrodataCommentsKeepTheReplies) {
  const std::string t =
      Extract(Thread("", "itemscope itemtype='http://schema.org/Comment'"));
  EXPECT_TRUE(Has(t, "Reply 1"));
}

// Runs IsDiscussionPage on a page's body markup.
bool Discussion(const std::string& body, const std::vector<std::string>& json_ld) {
  const std::string html = "<html><body>" + body + "</body></html>";
  GumboOutput* out = gumbo_parse(html.c_str());
  DomIndex dom;
  dom.Build(out->document);
  const bool result = IsDiscussionPage(dom, json_ld);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return result;
}

TEST(DiscussionTest, AnswersMakeCommentsSecondary) {
  const std::string comments =
      "<div itemscope itemtype='https://schema.org/Comment'><p>y</p></div>"
      "<div itemscope itemtype='https://schema.org/Comment'><p>z</p></div>";
  EXPECT_TRUE(Discussion(comments, {}));
  EXPECT_FALSE(Discussion("<div itemtype='https://schema.org/Comment'>y</div>", {}));
  EXPECT_FALSE(Discussion(
      "<div itemscope itemtype='https://schema.org/Answer'><p>x</p></div>" + comments, {}));
  EXPECT_TRUE(Discussion("", {"{\"@type\": \"QAPage\"}"}));
  // Answers named in JSON-LD only: the HTML still calls the replies comments.
  EXPECT_TRUE(Discussion("", {"{\"@type\":\"QAPage\",\"mainEntity\":{\"acceptedAnswer\":"
                              "{\"@type\":\"Answer\"}}}"}));
  EXPECT_FALSE(Discussion("<p>Just an article.</p>", {"{\"@type\":\"NewsArticle\"}"}));
}

TEST(DiscussionTest, AThreadsReplyButtonGoesInItsLanguage) {
  // A board's "Antworten" ("回复", "返信") under the posts; the word in a
  // post's sentence stays.
  const struct {
    const char* lang;
    const char* button;
  } pages[] = {{"de", "Antworten"}, {"zh", "回复"}, {"ja", "返信"}};
  for (const auto& page : pages) {
    std::string posts;
    for (int i = 0; i < 3; ++i) {
      posts += "<div class='x1'><div class='x2'>Beitrag " + std::to_string(i) +
               ": Der Sauerteig blubbert seit drei Tagen kaum noch, und der Geruch erinnert an "
               "Nagellackentferner. Soll ich weiter füttern oder neu anfangen? Antworten gern "
               "auch per Mail.</div></div>";
    }
    const std::string text = testing::ExtractBody(
        std::string("<html lang='") + page.lang + "'><body><div role='main'>" + posts +
        "<div class='x3'><a href='./posting.php?mode=reply&amp;t=1' class='x4'><span>" + page.button +
        "</span> </a><div class='x5'>6 Beiträge &bull; Seite 1 von 1</div></div></div></body></html>");
    EXPECT_TRUE(Has(text, "Beitrag 2")) << text;
    EXPECT_TRUE(Has(text, "Antworten gern")) << text;
    EXPECT_FALSE(Has(text, std::string(page.button) + "\n")) << page.lang << "\n" << text;
  }
}

TEST(DiscussionTest, AQuotesExpanderGoesInItsLanguage) {
  // A board's quote clipped to a few lines, with its "Click to expand..."
  // under it (the forum software's own words in the board's language); the
  // words in a post's sentence stay.
  const struct {
    const char* lang;
    const char* expander;
  } pages[] = {{"en", "Click to expand..."}, {"de", "Zum Vergrößern anklicken...."},
               {"fr", "Cliquez pour agrandir..."}};
  for (const auto& page : pages) {
    std::string posts;
    for (int i = 0; i < 3; ++i) {
      posts += "<article class='x1'><div class='x2'><blockquote class='x3'><div class='x4'>"
               "Zitat " + std::to_string(i) + ": Der Sauerteig blubbert seit drei Tagen kaum "
               "noch.</div><div class='x5'>" + page.expander + "</div></blockquote>Beitrag " +
               std::to_string(i) + ": Dann würde ich neu anfangen und das Glas wärmer stellen, "
               "sonst wird das nichts mehr. Click to expand the photo to see it.</div></article>";
    }
    const std::string text = testing::ExtractBody(std::string("<html lang='") + page.lang +
                                                  "'><body><div role='main'>" + posts +
                                                  "</div></body></html>");
    EXPECT_TRUE(Has(text, "Beitrag 2")) << text;
    EXPECT_TRUE(Has(text, "Click to expand the photo")) << text;
    EXPECT_FALSE(Has(text, page.expander)) << page.lang << "\n" << text;
  }
}

TEST(DiscussionTest, AReplysSubjectLineRepeatingTheTitleGoes) {
  // Board software prints "Re: <thread title>" over each reply ("AW:" in
  // German); a reply whose subject is its own stays, and so does the
  // prefix in a post's text.
  for (const char* prefix : {"Re", "AW"}) {
    std::string posts;
    for (int i = 0; i < 3; ++i) {
      const std::string subject =
          i == 2 ? "Re: Roggenmehl statt Weizen" : std::string(prefix) + ": Sauerteig blubbert nicht";
      posts += "<div class='x1'><h3 class='x2'>" + subject + "</h3><div class='x3'>Beitrag " + std::to_string(i) + ": Der Sauerteig braucht "
               "Wärme; stell das Glas auf den Kühlschrank und füttere ihn zweimal am Tag. Re: "
               "deine Frage von gestern, ja.</div></div>";
    }
    const std::string text = Extract(
        "<html lang='de'><head><title>Sauerteig blubbert nicht - Brotforum</title></head><body>"
        "<div role='main'><h1>Sauerteig blubbert nicht</h1>" + posts + "</div></body></html>");
    EXPECT_TRUE(Has(text, "Beitrag 2")) << text;
    EXPECT_FALSE(Has(text, ": Sauerteig blubbert nicht")) << prefix << "\n" << text;
    EXPECT_TRUE(Has(text, "Re: Roggenmehl statt Weizen")) << text;
    EXPECT_TRUE(Has(text, "Re: deine Frage")) << text;
  }
}

TEST(DiscussionTest, ReadersNotesWithAReplyButtonEachGoUnderAnArticle) {
  // A recipe site's "Cooking Notes" under the recipe, in markup no name
  // calls comments: each item a name, a date, the text and a "Reply"
  // button ("Antworten" link on the German page).
  const struct {
    const char* lang;
    const char* control;
  } pages[] = {{"en", "<button>Helpful (12)</button> <button>Reply</button>"},
               {"de", "<a href='#r'>Antworten</a>"}};
  for (const auto& page : pages) {
    std::string notes;
    for (int i = 0; i < 3; ++i) {
      notes += "<li class='Note_note__Bc5Gh'><span>Leserin " + std::to_string(i) +
               "</span> <span>3. März 2024</span><p>Notiz " + std::to_string(i) +
               ": mit Hähnchenschenkeln ohne Knochen nur zwölf Minuten.</p>" + page.control +
               "</li>";
    }
    const std::string text = Extract(
        std::string("<html lang='") + page.lang + "'><head><title>Gochujang-Hähnchen</title>"
        "</head><body><main><h1>Gochujang-Hähnchen</h1>" + testing::GermanParagraphs("Absatz", 3) +
        "<section class='CookingNotes_section__Wx0Bc'><h2>Notizen</h2><ul>" + notes +
        "</ul></section></main></body></html>");
    EXPECT_TRUE(Has(text, "Absatz 2")) << text;
    EXPECT_FALSE(Has(text, "Notiz 1")) << page.lang << "\n" << text;
  }
}

TEST(DiscussionTest, AnswersWithReplyButtonsInTheirCommentsStay) {
  // Each answer of a Q&A page holds a list of short comments, each with a
  // "Reply" button: the comments make the thread, not the answers around
  // them.
  std::string answers;
  for (int i = 0; i < 3; ++i) {
    answers += "<div class='answer'><div class='body'><p>Answer " + std::to_string(i) +
               ": call asyncio.run on the coroutine, and inside it await each task you "
               "created with asyncio.create_task, so that both sleeps overlap.</p></div>"
               "<ul class='comments'>";
    for (int k = 0; k < 2; ++k) {
      answers += "<li class='comment'><span>Remark " + std::to_string(i) + std::to_string(k) +
                 ": the sleep stands for input or output.</span> <button>Reply</button></li>";
    }
    answers += "</ul></div>";
  }
  const std::string text = Extract(
      "<html lang='en'><head><title>Simplest async example</title></head><body><main>"
      "<h1>Simplest async example</h1><div class='question'>" +
      testing::GermanParagraphs("Frage", 4) + "</div>"
      "<div class='answers'>" + answers + "</div></main></body></html>");
  EXPECT_TRUE(Has(text, "Frage 3")) << text;
  EXPECT_TRUE(Has(text, "Answer 0")) << text;
  EXPECT_TRUE(Has(text, "Answer 2")) << text;
  EXPECT_FALSE(Has(text, "Remark 21")) << text;
}

TEST(DiscussionTest, PostsInsideFormsThatAskNothingStay) {
  // A board that wraps each post in the form that would edit it (hidden
  // fields only, in the logged-out view): the posts are the page. A form
  // that asks for something (the reply box, a consent choice) still goes.
  std::string posts;
  const char* bodies[] = {
      "Bei mir hat das Umtopfen im Frühjahr geholfen, danach wuchsen die Pflanzen deutlich "
      "kräftiger und standen auch ohne Stab. Wichtig war vor allem, dass ich die Erde nicht mehr "
      "so feucht gehalten habe und die Töpfe jeden Tag ein wenig gedreht habe.",
      "Ich würde die Lampe näher an die Pflanzen hängen und die Temperatur etwas senken, dann "
      "strecken sie sich nicht so stark nach dem Licht. Zwölf Stunden Licht am Tag reichen völlig, "
      "mehr bringt nach meiner Erfahrung keinen Vorteil für die Jungpflanzen.",
      "Versuch es mal mit einem kleinen Ventilator, der leichte Luftzug stärkt die Stängel, das "
      "war bei meinen Tomaten letztes Jahr der Durchbruch. Zwei Stunden am Tag auf kleiner Stufe "
      "genügen, und die Pflanzen werden merklich kompakter und fester.",
      "Zu warm und zu wenig Licht, das ist fast immer der Grund. Am Fensterbrett im Süden ging "
      "es bei mir ohne jede Lampe gut. Wenn du keinen hellen Platz hast, säe lieber zwei Wochen "
      "später aus, dann holen die Pflanzen den Rückstand schnell wieder auf."};
  for (const char* body : bodies) {
    posts += std::string("<div class='entry'><p class='tagline'><a href='/user/x'>gartenfreund</a>"
                         " vor 3 Stunden</p><form action='#' class='usertext'><input type='hidden' "
                         "name='thing_id' value='t1_x'><div class='md'><p>") +
             body + "</p></div></form></div>";
  }
  std::string menu = "<nav><ul>";
  for (int i = 0; i < 30; ++i) menu += "<li><a href='/r/" + std::to_string(i) + "'>Forum " + std::to_string(i) + "</a></li>";
  menu += "</ul></nav>";
  const std::string page =
      "<html lang='de'><body>" + menu + "<main><h1>Vergeilte Tomatenpflanzen</h1>" + posts +
      "<form action='/antworten' class='usertext'><p>Schreib eine Antwort, die anderen Mitgliedern "
      "hilft, und bleib freundlich, auch wenn du anderer Meinung bist.</p><textarea name='text'>"
      "</textarea></form></main></body></html>";
  const std::string text = Extract(page);
  EXPECT_TRUE(Has(text, "Umtopfen im Frühjahr")) << text;
  EXPECT_TRUE(Has(text, "kleinen Ventilator")) << text;
  EXPECT_FALSE(Has(text, "Schreib eine Antwort")) << text;
}

TEST(DiscussionTest, ABoardsPromptInPlaceOfAttachmentsGoes) {
  // Discuz!'s prompt to a visitor where a post's attachments would be, its
  // two links inside the sentence.
  std::string para;
  for (int i = 0; i < 3; ++i) {
    para += "<p>第" + std::to_string(i) +
            "段：今年第一次在阳台种番茄，品种是千禧圣女果，一共种了四盆。苗长得挺好的，叶子也很绿。</p>";
  }
  const std::string text = testing::ExtractBody(
      "<html lang='zh-CN'><body><div>" + para + "<div class='x1'><h3><strong>本帖子中包含更多资源</strong>"
      "</h3><p>您需要 <a href='member.php?mod=logging'>登录</a> 才可以下载或查看，没有账号？<a "
      "href='member.php?mod=register'>立即注册</a> </p></div>" + para + "</div></body></html>");
  EXPECT_TRUE(Has(text, "第2段")) << text;
  EXPECT_FALSE(Has(text, "您需要")) << text;
  EXPECT_FALSE(Has(text, "本帖子中包含更多资源")) << text;
}

}  // namespace
}  // namespace corpus
