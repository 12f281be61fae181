# Embeds configs/extract/block_model.gbt (the learned block model,
# block_model.h) into the corpus_extract library as a string literal, as
# phrase_data.cmake does for the phrase files: the binary needs no data
# directory, and the extractor version includes the file's digest.
include(${CMAKE_SOURCE_DIR}/cmake/generated_source.cmake)
set(corpus_block_model_file ${CMAKE_SOURCE_DIR}/configs/extract/block_model.gbt)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${corpus_block_model_file})
file(READ ${corpus_block_model_file} corpus_block_model_text)
if(corpus_block_model_text MATCHES "\\)corpus_model\"")
  message(FATAL_ERROR "${corpus_block_model_file} holds the embedding delimiter )corpus_model\"")
endif()
set(corpus_block_model_cc "// Generated from configs/extract/block_model.gbt by src/extract/block_model.cmake.\n")
string(APPEND corpus_block_model_cc "#include \"corpus/extract/block_model.h\"\n\nnamespace corpus {\n\n")
string(APPEND corpus_block_model_cc "const char* const kEmbeddedBlockModel = R\"corpus_model(${corpus_block_model_text})corpus_model\";\n\n}  // namespace corpus\n")
corpus_generated_source(block_model_data.cc "${corpus_block_model_cc}")
