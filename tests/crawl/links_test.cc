#include "corpus/crawl/links.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace corpus {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(ExtractLinksTest, KindsOrderAndDedup) {
  const char* html = R"html(<!doctype html><html><head>
    <link rel="stylesheet" href="/style.css">
    <link rel="alternate" hreflang="de" href="/de/">
    <link rel="alternate stylesheet" href="/alt.css">
    <link rel="next" href="page2.html">
    <link rel="icon" href="/favicon.ico">
    </head><body>
    <a href="b.html">B</a>
    <a href="./b.html#section">B again</a>
    <a href="https://Other.example:443/x">other</a>
    <a href="mailto:me@example.com">mail</a>
    <a href="javascript:void(0)">js</a>
    <a>no href</a>
    <map><area href="/area" alt=""></map>
    <iframe src="/frame"></iframe>
    <img src="/img.png">
    <script src="/app.js"></script>
    <a href="  /spaced  ">spaced</a>
    </body></html>)html";
  PageLinks links = ExtractLinks(html, "http://Site.example/dir/index.html");
  EXPECT_EQ(links.base, "http://site.example/dir/index.html");
  EXPECT_THAT(links.urls,
              ElementsAre("http://site.example/de/", "http://site.example/dir/page2.html",
                          "http://site.example/dir/b.html", "https://other.example/x",
                          "http://site.example/area", "http://site.example/frame",
                          "http://site.example/spaced"));
  EXPECT_FALSE(links.meta.noindex);
  EXPECT_FALSE(links.meta.nofollow);
}

TEST(ExtractLinksTest, BaseHrefAppliesToWholeDocument) {
  // The first <base href> sets the document base, even for links before it.
  const char* html = R"html(<a href="early">e</a><base href="/other/dir/"><base href="/ignored/">
                        <a href="late">l</a>)html";
  PageLinks links = ExtractLinks(html, "http://a.example/x/y.html");
  EXPECT_EQ(links.base, "http://a.example/other/dir/");
  EXPECT_THAT(links.urls, ElementsAre("http://a.example/other/dir/early",
                                      "http://a.example/other/dir/late"));
}

TEST(ExtractLinksTest, NofollowLinksAndMetaRobots) {
  const char* html = R"html(<head><meta name="ROBOTS" content="noindex"></head>
    <a href="/kept" rel="external">k</a><a href="/skipped" rel="Sponsored NOFOLLOW">s</a>)html";
  PageLinks links = ExtractLinks(html, "http://a.example/");
  EXPECT_THAT(links.urls, ElementsAre("http://a.example/kept"));
  EXPECT_TRUE(links.meta.noindex);
  EXPECT_FALSE(links.meta.nofollow);

  PageLinks ours = ExtractLinks(R"html(<meta name="corpus" content="nofollow"><a href="/x">x</a>)html",
                                "http://a.example/");
  EXPECT_TRUE(ours.meta.nofollow);
  EXPECT_THAT(ours.urls, ElementsAre("http://a.example/x")) << "the caller decides";
  PageLinks theirs = ExtractLinks(R"html(<meta name="otherbot" content="noindex,nofollow">)html",
                                  "http://a.example/");
  EXPECT_FALSE(theirs.meta.noindex);
  EXPECT_FALSE(theirs.meta.nofollow);
}

TEST(ExtractLinksTest, DeepNesting) {
  // No tree is built, so depth costs nothing.
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<a href=/deep>d</a>";
  PageLinks links = ExtractLinks(html, "http://a.example/");
  EXPECT_THAT(links.urls, ElementsAre("http://a.example/deep"));
}

TEST(ExtractLinksTest, HiddenMarkupAndEntities) {
  const char* html = R"html(<HTML><HEAD>
    <!-- <base href="/commented/"> <meta name=robots content=noindex> -->
    <script>var s = '<a href="/in-script">'; if (a<b) {}</script>
    <BASE
      HREF='/real/'>
    <META NAME=Robots CONTENT="NoFollow">
    </HEAD><BODY>
    <template><base href="/template-base/"><meta name=robots content=noindex>
      <a href="/in-template"></template>
    <textarea><a href="/in-textarea"></textarea>
    <A TITLE="x > y" HREF="page?a=1&amp;b=2">p</A>
    <a href=q&#63;x=&#x31;>q</a>
    </BODY></HTML>)html";
  PageLinks links = ExtractLinks(html, "http://a.example/dir/");
  EXPECT_EQ(links.base, "http://a.example/real/");
  EXPECT_THAT(links.urls,
              ElementsAre("http://a.example/in-template", "http://a.example/real/page?a=1&b=2",
                          "http://a.example/real/q?x=1"));
  EXPECT_FALSE(links.meta.noindex);
  EXPECT_TRUE(links.meta.nofollow);
}

TEST(ExtractLinksTest, GarbageInput) {
  EXPECT_THAT(ExtractLinks("", "http://a.example/").urls, IsEmpty());
  const char kBinary[] = "\0\xff<a href=\"/x\">";
  EXPECT_THAT(ExtractLinks(std::string(kBinary, sizeof(kBinary) - 1), "http://a.example/").urls,
              ElementsAre("http://a.example/x"));
  // An unusable page URL: relative links cannot resolve, absolute ones can.
  EXPECT_THAT(ExtractLinks("<a href=/x></a><a href='http://b.example/'></a>", "garbage").urls,
              ElementsAre("http://b.example/"));
}

TEST(ParseRobotsDirectivesTest, Values) {
  PageDirectives d = ParseRobotsDirectives("noindex, nofollow");
  EXPECT_TRUE(d.noindex);
  EXPECT_TRUE(d.nofollow);
  d = ParseRobotsDirectives("NONE");
  EXPECT_TRUE(d.noindex && d.nofollow);
  d = ParseRobotsDirectives("all");
  EXPECT_FALSE(d.noindex || d.nofollow);
  d = ParseRobotsDirectives("index, follow, max-snippet:50");
  EXPECT_FALSE(d.noindex || d.nofollow);
  d = ParseRobotsDirectives("googlebot: noindex, nofollow");
  EXPECT_FALSE(d.noindex || d.nofollow);
  d = ParseRobotsDirectives("googlebot: noindex, Corpus: nofollow");
  EXPECT_FALSE(d.noindex);
  EXPECT_TRUE(d.nofollow);
  d = ParseRobotsDirectives("unavailable_after: 2030-01-01, noindex");
  EXPECT_TRUE(d.noindex);
  d = ParseRobotsDirectives("mybot: noindex", "MyBot");
  EXPECT_TRUE(d.noindex);
}

TEST(ParseSitemapTest, UrlsetAndIndex) {
  const char* urlset = R"html(<?xml version="1.0" encoding="UTF-8"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>http://A.example/one</loc><lastmod>2024-01-01</lastmod></url>
      <url><loc>
         http://a.example/two?x=1&amp;y=2
      </loc></url>
      <url><loc><![CDATA[http://a.example/three]]></loc></url>
      <url><loc>ftp://a.example/no</loc></url>
      <url><location>http://a.example/not-a-loc</location></url>
    </urlset>)html";
  EXPECT_THAT(ParseSitemap(urlset),
              ElementsAre("http://a.example/one", "http://a.example/two?x=1&y=2",
                          "http://a.example/three"));
  const char* index = R"html(<sitemapindex><sitemap><LOC>https://a.example/s1.xml</LOC></sitemap>
    <sitemap><loc>https://a.example/s2.xml.gz</loc></sitemap></sitemapindex>)html";
  EXPECT_THAT(ParseSitemap(index),
              ElementsAre("https://a.example/s1.xml", "https://a.example/s2.xml.gz"));
  EXPECT_THAT(ParseSitemap("http://a.example/t1\n\nhttp://a.example/t2\r\nnot a url\n"),
              ElementsAre("http://a.example/t1", "http://a.example/t2"));
  EXPECT_THAT(ParseSitemap("<urlset><url><loc>http://a.example/unterminated"), IsEmpty());
}

}  // namespace
}  // namespace corpus
