#ifndef CORPUS_EXTRACT_CURRENCY_H_
#define CORPUS_EXTRACT_CURRENCY_H_

#include <cstddef>
#include <string_view>

namespace corpus {

// How shops write money, for the passes that recognise prices (shop_chrome.h's
// price lines, product_grid.h's tiles).

// Length in bytes of the currency sign that starts `s`, 0 if none: "$", the
// Latin-1 signs ¢ £ ¤ ¥, and the Unicode Currency Symbols block
// U+20A0..U+20BF (€ ₹ ₽ ₩ ...).
size_t CurrencySignLength(std::string_view s);

// Whether `s` is the ISO 4217 code (capitals) of a currency shops often
// print in place of a sign ("EUR 14.86").
bool IsCurrencyCode(std::string_view s);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_CURRENCY_H_
