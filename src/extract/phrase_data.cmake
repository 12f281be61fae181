# Embeds configs/extract/*.txt (the extractor's phrase files, one per
# language, and names.txt, its class and id name lists) into the
# corpus_extract library as string literals, so the binary needs no data
# directory and its extractor version can include the files' digest
# (src/extract/phrase_book.cc, src/extract/markup_name_book.cc). Editing or
# adding a file re-runs this step (CONFIGURE_DEPENDS).
include(${CMAKE_SOURCE_DIR}/cmake/generated_source.cmake)
file(GLOB corpus_phrase_files CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/configs/extract/*.txt)
set(corpus_names_file ${CMAKE_SOURCE_DIR}/configs/extract/names.txt)
list(REMOVE_ITEM corpus_phrase_files ${corpus_names_file})
list(SORT corpus_phrase_files)
# An edit to a file re-runs the configure step, which rewrites the source.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${corpus_phrase_files}
             ${corpus_names_file})
# Sets `out` to the text of `file` as a C++ raw string literal.
function(corpus_file_literal out file)
  file(READ ${file} text)
  if(text MATCHES "\\)corpus_phrases\"")
    message(FATAL_ERROR "${file} holds the embedding delimiter )corpus_phrases\"")
  endif()
  set(${out} "R\"corpus_phrases(${text})corpus_phrases\"" PARENT_SCOPE)
endfunction()
set(corpus_phrase_cc "// Generated from configs/extract/*.txt by src/extract/phrase_data.cmake.\n")
string(APPEND corpus_phrase_cc "#include \"corpus/extract/phrase_data.h\"\n\nnamespace corpus {\n\n")
string(APPEND corpus_phrase_cc "const EmbeddedPhraseFile kEmbeddedPhraseFiles[] = {\n")
set(corpus_phrase_count 0)
foreach(f ${corpus_phrase_files})
  get_filename_component(lang ${f} NAME_WE)
  corpus_file_literal(literal ${f})
  string(APPEND corpus_phrase_cc "    {\"${lang}\", ${literal}},\n")
  math(EXPR corpus_phrase_count "${corpus_phrase_count} + 1")
endforeach()
string(APPEND corpus_phrase_cc "};\n\nconst size_t kEmbeddedPhraseFileCount = ${corpus_phrase_count};\n\n")
corpus_file_literal(literal ${corpus_names_file})
string(APPEND corpus_phrase_cc "const char kEmbeddedMarkupNames[] = ${literal};\n\n")
string(APPEND corpus_phrase_cc "}  // namespace corpus\n")
corpus_generated_source(phrase_data.cc "${corpus_phrase_cc}")
