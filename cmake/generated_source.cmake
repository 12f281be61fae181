# corpus_generated_file(PATH TEXT): writes TEXT to
# ${CMAKE_BINARY_DIR}/generated/PATH, which is on every module's include
# path. The file is written only when its text changed, so an unrelated
# re-configure rebuilds nothing. Used by the steps that embed data files
# (src/extract/phrase_data.cmake, src/extract/block_model.cmake,
# src/crawl/html_named_references.cmake).
function(corpus_generated_file path text)
  set(out ${CMAKE_BINARY_DIR}/generated/${path})
  set(old "")
  if(EXISTS ${out})
    file(READ ${out} old)
  endif()
  if(NOT old STREQUAL text)
    file(WRITE ${out} "${text}")
  endif()
endfunction()

# corpus_generated_source(NAME TEXT): writes TEXT as
# generated/corpus/extract/NAME (corpus_generated_file) and compiles it into
# corpus_extract.
function(corpus_generated_source name text)
  corpus_generated_file(corpus/extract/${name} "${text}")
  target_sources(corpus_extract PRIVATE ${CMAKE_BINARY_DIR}/generated/corpus/extract/${name})
endfunction()
