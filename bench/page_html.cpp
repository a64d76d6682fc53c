// Exports one page of a pack as a styled HTML file (plus its pictures as PNG) for the Chromium comparison,
// or with --longest names the pack's longest page for an audience, so the bench renders the worst case.
// The look follows the kiosk's adult theme: Noto Sans, 36/48/66 px, the same colours and reading width.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include <stb_image_write.h>

#include "content/markdown.h"
#include "content/pack_reader.h"

using namespace lantern::content;
namespace fs = std::filesystem;

namespace {

std::string escape(const std::string& s) {
    std::string o;
    for (char c : s) {
        if (c == '<') o += "&lt;";
        else if (c == '>') o += "&gt;";
        else if (c == '&') o += "&amp;";
        else if (c == '"') o += "&quot;";
        else o += c;
    }
    return o;
}

std::string spans_html(const std::vector<Span>& spans) {
    std::string o;
    for (const Span& s : spans) {
        std::string t = escape(s.text);
        if (s.strong) t = "<strong>" + t + "</strong>";
        if (s.emphasis) t = "<em>" + t + "</em>";
        if (!s.link.empty()) {
            std::string cls = s.link.rfind("tel:", 0) == 0 ? " class=\"tel\"" : "";
            t = "<a href=\"" + escape(s.link) + "\"" + cls + ">" + t + "</a>";
        }
        o += t;
    }
    return o;
}

bool write_image(const PackReader& pack, const std::string& name, const fs::path& dir) {
    auto img = pack.image(name);
    if (!img) return false;
    return stbi_write_png((dir / name).string().c_str(), img->width, img->height, 4, img->rgba.data(), img->width * 4);
}

// ImGui sizes a font by its ascent+descent, CSS by its em: Noto Sans's ascent+descent is 1.362 em, so
// the kiosk's 36 px body is CSS 26.4 px, its 48 px headings 35.2 px and its 66 px titles 48.5 px.
const char* k_css = R"CSS(
html, body { margin: 0; background: #F4F1EA; color: #1B1F2A; font-family: 'Noto Sans', sans-serif; font-size: 26.4px; }
.bar { height: 120px; box-sizing: border-box; background: #FFFFFF; border-bottom: 3px solid #1D4E89;
       display: flex; align-items: center; gap: 24px; padding: 0 32px; font-weight: bold; font-size: 20.6px; }
.bar span { border: 3px solid #1D4E89; border-radius: 22px; padding: 26px 30px; color: #1D4E89; }
.bar .grow { flex: 1; border: 0; padding: 0; }
.bar .on { background: #1D4E89; color: #FFFFFF; }
.bar .exit { background: #B01E2E; border-color: #B01E2E; color: #FFFFFF; padding: 26px 48px; }
main { width: 1200px; margin: 0 auto; padding-top: 32px; }
h1 { font-size: 48.5px; font-weight: bold; margin: 0 0 24px; line-height: 1.362; }
h2 { font-size: 35.2px; font-weight: bold; margin: 24px 0 14px; line-height: 1.362; }
h3, h4, h5, h6 { font-size: 26.4px; font-weight: bold; margin: 24px 0 14px; line-height: 1.362; }
p { margin: 0 0 14px; line-height: 1.362; }
ul, ol { margin: 0 0 14px; padding-left: 50px; }
li { margin: 0 0 5px; line-height: 1.362; }
li::marker { font-weight: bold; }
a { color: #1D4E89; text-decoration: underline; }
a.tel { font-size: 35.2px; font-weight: bold; }
img { display: block; margin: 0 0 24px; border: 8px solid #FFFFFF; border-radius: 22px; }
hr { border: 0; border-top: 2px solid #4A505C; margin: 24px 0; }
)CSS";

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 3 && !std::strcmp(argv[1], "--longest")) {
        PackReader pack(argv[2]);
        std::string best;
        size_t best_len = 0;
        for (const Topic& t : pack.topics(Audience::adult, "en"))
            for (const PageSummary& s : pack.pages_in_topic(t.id, Audience::adult, "en"))
                if (auto p = pack.page(s.id, "en"); p && p->body_markdown.size() > best_len) {
                    best_len = p->body_markdown.size();
                    best = p->id;
                }
        if (best.empty()) return 1;
        std::printf("%s\n", best.c_str());
        return 0;
    }
    if (argc < 4) {
        std::fprintf(stderr, "usage: lantern-bench-page-html PACK PAGE_ID OUT_DIR | --longest PACK\n");
        return 2;
    }
    PackReader pack(argv[1]);
    auto page = pack.page(argv[2], "en");
    if (!page) {
        std::fprintf(stderr, "no page %s\n", argv[2]);
        return 1;
    }
    fs::path dir = argv[3];
    fs::create_directories(dir);
    std::string body =
        "<div class=\"bar\"><span>Back</span><span>Home</span><span class=\"grow\"></span>"
        "<span class=\"on\">English</span><span>Cymraeg</span><span class=\"exit\">Quick "
        "exit</span></div>\n<main>\n<h1>" +
        escape(page->title) + "</h1>\n";
    if (!page->image.empty() && write_image(pack, page->image, dir))
        body += "<img src=\"" + escape(page->image) + "\" alt=\"" + escape(page->title) + "\">\n";
    Document doc = parse_markdown(page->body_markdown);
    bool in_list = false;
    bool ordered = false;
    for (const Block& b : doc.blocks) {
        bool item = b.kind == BlockKind::list_item;
        if (in_list && !item) body += ordered ? "</ol>\n" : "</ul>\n", in_list = false;
        switch (b.kind) {
            case BlockKind::heading: {
                int lv = std::clamp(b.level, 1, 6);  // as the kiosk: 1 title size, 2 heading size, 3+ bold body
                body += "<h" + std::to_string(lv) + ">" + spans_html(b.spans) + "</h" + std::to_string(lv) + ">\n";
                break;
            }
            case BlockKind::paragraph: body += "<p>" + spans_html(b.spans) + "</p>\n"; break;
            case BlockKind::list_item:
                if (!in_list) {
                    ordered = b.number > 0;
                    body += ordered ? "<ol>\n" : "<ul>\n";
                    in_list = true;
                }
                body += "<li>" + spans_html(b.spans) + "</li>\n";
                break;
            case BlockKind::image:
                if (write_image(pack, b.image, dir))
                    body += "<img src=\"" + escape(b.image) + "\" alt=\"" + escape(b.alt) + "\">\n";
                break;
            case BlockKind::rule: body += "<hr>\n"; break;
        }
    }
    if (in_list) body += ordered ? "</ol>\n" : "</ul>\n";
    body += "</main>\n";
    std::ofstream out(dir / "page.html");
    out << "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" << escape(page->title)
        << "</title>\n<style>" << k_css << "</style></head>\n<body>\n"
        << body << "</body></html>\n";
    return out ? 0 : 1;
}
