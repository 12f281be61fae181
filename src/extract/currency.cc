#include "corpus/extract/currency.h"

#include "corpus/extract/markup_names.h"

namespace corpus {
namespace {

constexpr std::string_view kCurrencyCodes[] = {
    "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "JPY", "CNY", "INR", "SEK", "NOK",
    "DKK", "PLN", "CZK", "HUF", "RON", "BGN", "TRY", "BRL", "MXN", "ZAR", "HKD", "SGD",
    "KRW", "RUB", "UAH", "AED", "SAR", "ILS", "THB",
};
static_assert(
    [] {
      for (std::string_view code : kCurrencyCodes) {
        if (code.size() != 3) return false;
        for (char c : code) {
          if (c < 'A' || c > 'Z') return false;
        }
      }
      return true;
    }(),
    "IsCurrencyCode tests for three capitals first");

}  // namespace

size_t CurrencySignLength(std::string_view s) {
  if (s.empty()) return 0;
  if (s[0] == '$') return 1;
  if (s.size() >= 2 && s[0] == '\xC2' && s[1] >= '\xA2' && s[1] <= '\xA5') return 2;
  if (s.size() >= 3 && s[0] == '\xE2' && s[1] == '\x82' && s[2] >= '\xA0' && s[2] <= '\xBF') {
    return 3;
  }
  return 0;
}

bool IsCurrencyCode(std::string_view s) {
  // Every code is three capital letters: most text fails the first test.
  const auto capital = [](char c) { return c >= 'A' && c <= 'Z'; };
  return s.size() == 3 && capital(s[0]) && capital(s[1]) && capital(s[2]) && InList(kCurrencyCodes, s);
}

}  // namespace corpus
