# Embeds configs/extract/*.txt (the extractor's phrase files, one per
# language) into the corpus_extract library as string literals, so the
# binary needs no data directory and its extractor version can include the
# files' digest (src/extract/phrase_book.cc). Editing or adding a file re-runs
# this step (CONFIGURE_DEPENDS).
include(${CMAKE_CURRENT_LIST_DIR}/generated_source.cmake)
file(GLOB corpus_phrase_files CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/configs/extract/*.txt)
list(SORT corpus_phrase_files)
# An edit to a file re-runs the configure step, which rewrites the source.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${corpus_phrase_files})
set(corpus_phrase_cc "// Generated from configs/extract/*.txt by src/extract/phrase_data.cmake.\n")
string(APPEND corpus_phrase_cc "#include \"corpus/extract/phrase_data.h\"\n\nnamespace corpus {\n\n")
string(APPEND corpus_phrase_cc "const EmbeddedPhraseFile kEmbeddedPhraseFiles[] = {\n")
set(corpus_phrase_count 0)
foreach(f ${corpus_phrase_files})
  get_filename_component(lang ${f} NAME_WE)
  file(READ ${f} text)
  if(text MATCHES "\\)corpus_phrases\"")
    message(FATAL_ERROR "${f} holds the embedding delimiter )corpus_phrases\"")
  endif()
  string(APPEND corpus_phrase_cc "    {\"${lang}\", R\"corpus_phrases(${text})corpus_phrases\"},\n")
  math(EXPR corpus_phrase_count "${corpus_phrase_count} + 1")
endforeach()
string(APPEND corpus_phrase_cc "};\n\nconst size_t kEmbeddedPhraseFileCount = ${corpus_phrase_count};\n\n}  // namespace corpus\n")
corpus_generated_source(phrase_data.cc "${corpus_phrase_cc}")
