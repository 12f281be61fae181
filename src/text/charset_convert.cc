// Encoding labels and conversion to UTF-8: the half of charset.h that knows
// what an encoding is, not how a page's encoding is found (charset.cc).

#include <iconv.h>

#include <array>
#include <cerrno>
#include <string>
#include <string_view>
#include <unordered_map>

#include "corpus/text/charset.h"
#include "corpus/text/text_units.h"
#include "corpus/util/ascii.h"
#include "corpus/util/json.h"

namespace corpus {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Labels of the WHATWG Encoding standard (https://encoding.spec.whatwg.org/,
// "Encodings" table), the ones seen on the web, plus the names uchardet
// returns. Facts from the standard: ISO-8859-1 and US-ASCII are windows-1252,
// ISO-8859-9 is windows-1254, ISO-8859-11 and TIS-620 are windows-874,
// GB2312 is GBK, Shift_JIS is windows-31j, EUC-KR is windows-949.
const std::unordered_map<std::string_view, std::string_view>& LabelTable() {
  static const auto* table = new std::unordered_map<std::string_view, std::string_view>{
      {"utf-8", "utf-8"}, {"utf8", "utf-8"}, {"unicode-1-1-utf-8", "utf-8"},
      {"unicode11utf8", "utf-8"}, {"unicode20utf8", "utf-8"}, {"x-unicode20utf8", "utf-8"},
      {"windows-1252", "windows-1252"}, {"ansi_x3.4-1968", "windows-1252"},
      {"ascii", "windows-1252"}, {"us-ascii", "windows-1252"}, {"cp1252", "windows-1252"},
      {"cp819", "windows-1252"}, {"csisolatin1", "windows-1252"}, {"ibm819", "windows-1252"},
      {"iso-8859-1", "windows-1252"}, {"iso-ir-100", "windows-1252"},
      {"iso8859-1", "windows-1252"}, {"iso88591", "windows-1252"},
      {"iso_8859-1", "windows-1252"}, {"iso_8859-1:1987", "windows-1252"},
      {"l1", "windows-1252"}, {"latin1", "windows-1252"}, {"x-cp1252", "windows-1252"},
      {"iso-8859-9", "windows-1254"}, {"iso8859-9", "windows-1254"},
      {"iso88599", "windows-1254"}, {"latin5", "windows-1254"}, {"l5", "windows-1254"},
      {"iso-8859-11", "windows-874"}, {"iso8859-11", "windows-874"},
      {"tis-620", "windows-874"}, {"dos-874", "windows-874"}, {"windows-874", "windows-874"},
      {"latin2", "iso-8859-2"}, {"l2", "iso-8859-2"}, {"latin3", "iso-8859-3"},
      {"latin4", "iso-8859-4"}, {"cyrillic", "iso-8859-5"}, {"arabic", "iso-8859-6"},
      {"greek", "iso-8859-7"}, {"hebrew", "iso-8859-8"}, {"iso-8859-8-i", "iso-8859-8"},
      {"latin6", "iso-8859-10"}, {"ibm866", "ibm866"}, {"cp866", "ibm866"},
      {"866", "ibm866"}, {"koi8-r", "koi8-r"}, {"koi8_r", "koi8-r"}, {"koi8", "koi8-r"},
      {"koi", "koi8-r"}, {"cskoi8r", "koi8-r"}, {"koi8-u", "koi8-u"}, {"koi8-ru", "koi8-u"},
      {"macintosh", "macintosh"}, {"mac", "macintosh"}, {"x-mac-roman", "macintosh"},
      {"x-mac-cyrillic", "x-mac-cyrillic"}, {"mac-cyrillic", "x-mac-cyrillic"},
      {"x-mac-ukrainian", "x-mac-cyrillic"},
      {"shift_jis", "shift_jis"}, {"shift-jis", "shift_jis"}, {"sjis", "shift_jis"},
      {"x-sjis", "shift_jis"}, {"ms_kanji", "shift_jis"}, {"ms932", "shift_jis"},
      {"cp932", "shift_jis"}, {"windows-31j", "shift_jis"}, {"csshiftjis", "shift_jis"},
      {"euc-jp", "euc-jp"}, {"x-euc-jp", "euc-jp"}, {"iso-2022-jp", "iso-2022-jp"},
      {"csiso2022jp", "iso-2022-jp"},
      {"gbk", "gbk"}, {"x-gbk", "gbk"}, {"gb2312", "gbk"}, {"gb_2312", "gbk"},
      {"gb_2312-80", "gbk"}, {"csgb2312", "gbk"}, {"chinese", "gbk"}, {"iso-ir-58", "gbk"},
      {"gb18030", "gb18030"},
      {"big5", "big5"}, {"big5-hkscs", "big5"}, {"cn-big5", "big5"}, {"csbig5", "big5"},
      {"x-x-big5", "big5"},
      {"euc-kr", "euc-kr"}, {"cseuckr", "euc-kr"}, {"ks_c_5601-1987", "euc-kr"},
      {"ks_c_5601-1989", "euc-kr"}, {"ksc5601", "euc-kr"}, {"ksc_5601", "euc-kr"},
      {"korean", "euc-kr"}, {"windows-949", "euc-kr"}, {"cp949", "euc-kr"}, {"uhc", "euc-kr"},
      {"utf-16", "utf-16le"}, {"utf-16le", "utf-16le"}, {"unicode", "utf-16le"},
      {"ucs-2", "utf-16le"}, {"csunicode", "utf-16le"}, {"iso-10646-ucs-2", "utf-16le"},
      {"unicodefeff", "utf-16le"}, {"utf-16be", "utf-16be"}, {"unicodefffe", "utf-16be"},
  };
  return *table;
}

// "iso8859-5", "iso_8859-5", "iso88595" -> 5; 0 if the label is not of that form.
int Iso8859Part(std::string_view s) {
  for (std::string_view prefix : {"iso-8859-", "iso8859-", "iso_8859-", "iso8859"}) {
    if (s.substr(0, prefix.size()) != prefix) continue;
    std::string_view rest = s.substr(prefix.size());
    if (const size_t colon = rest.find(':'); colon != std::string_view::npos) rest = rest.substr(0, colon);
    if (rest.empty() || rest.size() > 2) return 0;
    int n = 0;
    for (char c : rest) {
      if (c < '0' || c > '9') return 0;
      n = n * 10 + (c - '0');
    }
    // 12 was never published; 1, 9 and 11 are mapped in LabelTable().
    return (n >= 2 && n <= 16 && n != 12) ? n : 0;
  }
  return 0;
}

// "cp1251", "x-cp1251", "windows-1251" -> "windows-1251".
std::string WindowsCodePage(std::string_view s) {
  for (std::string_view prefix : {"windows-", "x-cp", "cp"}) {
    if (s.substr(0, prefix.size()) != prefix) continue;
    const std::string_view num = s.substr(prefix.size());
    if (num.size() == 4 && num.substr(0, 3) == "125" && num[3] >= '0' && num[3] <= '8') {
      return "windows-" + std::string(num);
    }
  }
  return "";
}

// The glibc iconv name for a canonical charset, "" for the ones decoded here.
std::string IconvName(const std::string& charset) {
  if (charset == "shift_jis") return "CP932";
  if (charset == "euc-kr") return "CP949";
  // The WHATWG gbk decoder is the gb18030 decoder.
  if (charset == "gbk" || charset == "gb18030") return "GB18030";
  if (charset == "big5") return "BIG5-HKSCS";
  if (charset == "x-mac-cyrillic") return "MAC-CYRILLIC";
  if (charset == "windows-874") return "CP874";
  if (charset.rfind("windows-", 0) == 0) return "CP" + charset.substr(8);
  return AsciiUppercase(charset);
}

// windows-1252 is decoded here rather than by iconv: it is the most common
// legacy encoding on the web, and WHATWG maps the five bytes glibc's CP1252
// rejects (0x81, 0x8D, 0x8F, 0x90, 0x9D) to the C1 controls of the same value.
void DecodeWindows1252(std::string_view bytes, std::string* out) {
  static constexpr std::array<uint16_t, 32> kHigh = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  out->reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) {
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < 0xA0) {
      AppendUtf8(kHigh[c - 0x80], out);
    } else {
      AppendUtf8(c, out);
    }
  }
}

bool DecodeWithIconv(std::string_view bytes, const std::string& iconv_name, size_t unit,
                     std::string* out) {
  iconv_t cd = iconv_open("UTF-8", iconv_name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out->reserve(bytes.size() + bytes.size() / 2);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char buf[16384];
  while (in_left > 0) {
    char* o = buf;
    size_t o_left = sizeof(buf);
    const size_t rc = iconv(cd, &in, &in_left, &o, &o_left);
    out->append(buf, o - buf);
    if (rc != static_cast<size_t>(-1)) continue;
    if (errno == E2BIG) continue;
    out->append(kReplacement);
    if (errno != EILSEQ) break;  // EINVAL: an incomplete sequence at the end
    // Skip one code unit and resynchronise, as the WHATWG decoders do.
    const size_t skip = in_left < unit ? in_left : unit;
    in += skip;
    in_left -= skip;
  }
  char* o = buf;
  size_t o_left = sizeof(buf);
  iconv(cd, nullptr, nullptr, &o, &o_left);  // flush a stateful encoding's shift state
  out->append(buf, o - buf);
  iconv_close(cd);
  return true;
}

}  // namespace

std::string CanonicalCharset(std::string_view label) {
  // Labels are matched after trimming ASCII whitespace, case-insensitively.
  label = StripAsciiWhitespace(label);
  if (label.empty() || label.size() > 64) return "";
  const std::string lower = AsciiLowercase(label);
  const auto& table = LabelTable();
  if (auto it = table.find(lower); it != table.end()) return std::string(it->second);
  if (const int part = Iso8859Part(lower); part != 0) return "iso-8859-" + std::to_string(part);
  return WindowsCodePage(lower);
}

bool ConvertToUtf8(std::string_view bytes, const std::string& charset, std::string* out) {
  out->clear();
  if (charset == "utf-8") {
    out->assign(bytes);
    SanitizeUtf8(out);
    return true;
  }
  if (charset == "windows-1252") {
    DecodeWindows1252(bytes, out);
    return true;
  }
  const size_t unit = (charset == "utf-16le" || charset == "utf-16be") ? 2 : 1;
  if (!DecodeWithIconv(bytes, IconvName(charset), unit, out)) {
    out->clear();
    return false;
  }
  SanitizeUtf8(out);  // iconv's output is UTF-8 already; this guards the contract
  return true;
}

}  // namespace corpus
