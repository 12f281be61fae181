// Each language judged by its own default settings (configs/languages/,
// docs/LANGUAGES.md): well-formed prose in several languages is kept, and
// spam and boilerplate made from it (repeated lines, keyword lists, menus,
// lorem ipsum, symbol runs) is rejected.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/filter/filter_pipeline.h"
#include "corpus/text/word_segmenter.h"
#include "filter/filter_test_util.h"

namespace corpus {
namespace {

// configs/fineweb.toml's rules (FilterOptions' defaults) with the shipped
// per-language settings and every language of the test in the keep-list.
std::unique_ptr<FilterPipeline> DefaultPipeline() {
  FilterOptions o;
  o.language.languages = {"en", "de", "fr", "es", "it", "pl", "ru", "zh", "ja"};
  o.language_settings_dir = std::string(CORPUS_SOURCE_DIR) + "/configs/languages";
  std::unique_ptr<FilterPipeline> p;
  const Status st = FilterPipeline::Create(o, &p);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return p;
}

struct Prose {
  const char* lang;
  const char* text;  // paragraphs separated by blank lines
};

// Technical prose, as in a translated manual: each text names a command or
// an option in English, and one holds a shell brace expansion.
const Prose kProse[] = {
    {"de",
     "Das Programm liest die Konfiguration beim Start aus einer Datei im Heimatverzeichnis des Benutzers. "
     "Fehlt diese Datei, werden die eingebauten Voreinstellungen verwendet, die für die meisten Systeme passen. "
     "Änderungen an der Datei wirken erst, wenn das Programm neu gestartet wird.\n\n"
     "Mit der Option --verbose schreibt es zusätzlich ausführliche Meldungen auf die Standardfehlerausgabe. "
     "Diese Meldungen helfen bei der Suche nach Fehlern, sind aber im normalen Betrieb meistens nicht nötig. "
     "Wer mehrere Dateien auf einmal bearbeiten will, kann sie als Liste wie datei{1,2,3}.txt angeben.\n\n"
     "Der Rückgabewert ist null, wenn alle Dateien fehlerfrei verarbeitet wurden, und sonst größer als null. "
     "Skripte können diesen Wert prüfen und im Fehlerfall eine Nachricht an den Verwalter des Rechners senden."},
    {"fr",
     "Le programme lit sa configuration au démarrage dans un fichier du répertoire personnel de "
     "l'utilisateur. Si ce fichier n'existe pas, les valeurs par défaut sont utilisées et conviennent à la "
     "plupart des systèmes. Les modifications ne prennent effet qu'au prochain lancement du programme.\n\n"
     "Avec l'option --verbose, il écrit en plus des messages détaillés sur la sortie d'erreur standard. Ces "
     "messages aident à trouver la cause d'un problème, mais ils sont rarement utiles en temps normal. Pour "
     "traiter plusieurs fichiers à la fois, on peut les donner sous la forme fichier{1,2,3}.txt dans le shell.\n\n"
     "La valeur de retour est zéro lorsque tous les fichiers ont été traités sans erreur, et positive sinon. "
     "Les scripts peuvent vérifier cette valeur et prévenir l'administrateur de la machine en cas de problème."},
    {"es",
     "El programa lee su configuración al arrancar desde un archivo del directorio personal del usuario. Si "
     "ese archivo no existe, se usan los valores predeterminados, que sirven para la mayoría de los sistemas. "
     "Los cambios en el archivo solo tienen efecto cuando el programa se vuelve a iniciar.\n\n"
     "Con la opción --verbose escribe además mensajes detallados en la salida de error estándar. Estos "
     "mensajes ayudan a encontrar la causa de un fallo, pero casi nunca hacen falta durante el uso normal. "
     "Para procesar varios archivos de una vez se pueden indicar con la forma archivo{1,2,3}.txt en la shell.\n\n"
     "El valor de retorno es cero cuando todos los archivos se procesaron sin errores, y mayor que cero en "
     "caso contrario. Los guiones pueden comprobar este valor y avisar al administrador del sistema."},
    {"it",
     "Il programma legge la configurazione all'avvio da un file nella cartella personale dell'utente. Se il "
     "file non esiste, vengono usati i valori predefiniti, adatti alla maggior parte dei sistemi. Le modifiche "
     "al file hanno effetto soltanto quando il programma viene avviato di nuovo.\n\n"
     "Con l'opzione --verbose scrive anche messaggi dettagliati sullo standard error. Questi messaggi aiutano "
     "a trovare la causa di un problema, ma durante l'uso normale non servono quasi mai. Per elaborare più "
     "file insieme si possono indicare nella forma file{1,2,3}.txt direttamente nella shell.\n\n"
     "Il valore di ritorno è zero quando tutti i file sono stati elaborati senza errori, altrimenti è "
     "maggiore di zero. Gli script possono controllare questo valore e avvisare l'amministratore del sistema."},
    {"pl",
     "Program przy starcie odczytuje konfigurację z pliku w katalogu domowym użytkownika. Jeśli tego pliku "
     "nie ma, używane są ustawienia domyślne, które pasują do większości systemów. Zmiany w pliku zaczynają "
     "działać dopiero po ponownym uruchomieniu programu.\n\n"
     "Z opcją --verbose wypisuje także szczegółowe komunikaty na standardowe wyjście błędów. Te komunikaty "
     "pomagają znaleźć przyczynę problemu, ale podczas zwykłej pracy rzadko są potrzebne. Aby przetworzyć "
     "kilka plików naraz, można je podać w postaci plik{1,2,3}.txt bezpośrednio w powłoce.\n\n"
     "Kod wyjścia wynosi zero, gdy wszystkie pliki zostały przetworzone bez błędów, a w przeciwnym razie jest "
     "większy od zera. Skrypty mogą sprawdzać tę wartość i powiadamiać administratora komputera o problemie."},
    {"ru",
     "При запуске программа читает настройки из файла в домашнем каталоге пользователя. Если такого файла "
     "нет, используются значения по умолчанию, которые подходят для большинства систем. Изменения в файле "
     "вступают в силу только после повторного запуска программы.\n\n"
     "С параметром --verbose она также выводит подробные сообщения в стандартный поток ошибок. Эти сообщения "
     "помогают найти причину сбоя, но при обычной работе почти никогда не нужны. Чтобы обработать несколько "
     "файлов сразу, их можно указать в виде файл{1,2,3}.txt прямо в командной оболочке.\n\n"
     "Код возврата равен нулю, если все файлы были обработаны без ошибок, и больше нуля в остальных случаях. "
     "Сценарии могут проверять это значение и сообщать администратору компьютера о проблеме."},
    {"zh",
     "程序启动时会从用户主目录中的一个文件读取配置。如果这个文件不存在，就使用内置的默认设置，这些设置适用于大多数系统。"
     "修改配置文件之后，需要重新启动程序才能生效。\n\n"
     "使用 --verbose 选项时，程序还会把详细的信息写到标准错误输出。这些信息有助于查找问题的原因，但在平时的使用中很少需要。"
     "如果要一次处理多个文件，可以在命令行中写成 file{1,2,3}.txt 的形式。\n\n"
     "当所有文件都处理成功时，程序的返回值为零，否则返回一个大于零的数。脚本可以检查这个返回值，并在出错时通知系统管理员。"
     "这样，即使没有人在场，管理员也能及时知道发生了什么问题。"},
    {"ja",
     "プログラムは起動時に、ユーザーのホームディレクトリにある設定ファイルを読み込みます。このファイルがない場合は、"
     "ほとんどのシステムに合う既定の設定が使われます。ファイルを変更した内容は、プログラムを再起動したときに反映されます。\n\n"
     "--verbose オプションを指定すると、詳しいメッセージを標準エラー出力にも書き出します。これらのメッセージは問題の原因を"
     "探すときに役立ちますが、普段の利用ではほとんど必要ありません。複数のファイルを一度に処理したいときは、"
     "シェルで file{1,2,3}.txt のように指定できます。\n\n"
     "すべてのファイルを問題なく処理できた場合、終了コードはゼロになり、それ以外の場合はゼロより大きい値になります。"
     "スクリプトはこの値を調べて、エラーが起きたときにシステムの管理者へ知らせることができます。"},
};

// The spam variants of tools/eval_languages.py, made from `text`
// deterministically.
std::vector<std::pair<std::string, std::string>> SpamVariants(const std::string& text) {
  std::vector<std::string_view> paras;
  for (size_t start = 0;;) {
    const size_t end = text.find("\n\n", start);
    paras.push_back(std::string_view(text).substr(start, end == std::string::npos ? end : end - start));
    if (end == std::string::npos) break;
    start = end + 2;
  }
  std::vector<Word> segmented;
  SegmentWords(text, &segmented);
  std::vector<std::string> words;
  for (const Word& w : segmented) {
    if (w.text.size() > 3 && words.size() < 60) words.emplace_back(w.text);
  }
  const auto word = [&](size_t k) { return words[(k * 7) % words.size()]; };
  std::vector<std::pair<std::string, std::string>> out;
  std::string s;
  for (int i = 0; i < 12; ++i) s += std::string(paras[0]) + "\n";
  s += std::string(paras[1]) + "\n" + std::string(paras[2]);
  out.emplace_back("repeated_lines", s);
  s.clear();
  for (size_t line = 0; line < 25; ++line) {
    for (size_t k = 0; k < 8; ++k) s += (k ? ", " : "") + word(line * 8 + k);
    s += "\n";
  }
  out.emplace_back("keyword_list", s);
  s.clear();
  for (size_t k = 0; k < 80; ++k) s += word(k) + "\n";
  out.emplace_back("menu", s);
  const std::string lorem =
      "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
      "dolore magna aliqua.";
  out.emplace_back("lorem_ipsum", lorem + "\n\n" + lorem + "\n\n" + lorem + "\n\n" + text);
  s.clear();
  const char* symbols[] = {"★", "■", "▲", "→", "#", "=", "*", "|", "~", "●"};
  for (size_t line = 0; line < 40; ++line) {
    for (size_t k = 0; k < 60; ++k) s += symbols[(line + k * 3) % 10];
    s += " " + word(line) + "\n";
  }
  out.emplace_back("symbol_runs", s);
  return out;
}

TEST(LanguageDefaultsTest, ProseIsKeptByItsLanguagesDefaults) {
  auto pipeline = DefaultPipeline();
  for (const Prose& prose : kProse) {
    Document doc(prose.text, "");
    const FilterVerdict v = pipeline->Run(doc);
    EXPECT_EQ(doc.lang(), prose.lang);
    EXPECT_TRUE(v.keep) << prose.lang << ": rejected by " << v.rule << " = " << v.value_json;
  }
}

TEST(LanguageDefaultsTest, EnglishKeepsFineWebsCurlyBracketRule) {
  auto pipeline = DefaultPipeline();
  Document plain(testing::EnglishProse(4), "");
  EXPECT_TRUE(pipeline->Run(plain).keep);
  Document braces(testing::EnglishProse(4) + "\n\nList several files at once as file{1,2,3}.txt in the shell.", "");
  EXPECT_EQ(pipeline->Run(braces).rule, "c4_curly_bracket");
}

TEST(LanguageDefaultsTest, SpamMadeFromTheProseIsRejected) {
  auto pipeline = DefaultPipeline();
  for (const Prose& prose : kProse) {
    for (const auto& [variant, text] : SpamVariants(prose.text)) {
      Document doc(text, "");
      const FilterVerdict v = pipeline->Run(doc);
      EXPECT_FALSE(v.keep) << prose.lang << " " << variant << " was kept";
    }
  }
}

}  // namespace
}  // namespace corpus
