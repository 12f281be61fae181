# corpus_generated_source(NAME TEXT): writes TEXT to
# ${CMAKE_BINARY_DIR}/generated/corpus/extract/NAME and compiles it into
# corpus_extract. The file is written only when its text changed, so an
# unrelated re-configure rebuilds nothing. Used by the steps that embed data
# files (phrase_data.cmake, block_model.cmake).
function(corpus_generated_source name text)
  set(out ${CMAKE_BINARY_DIR}/generated/corpus/extract/${name})
  set(old "")
  if(EXISTS ${out})
    file(READ ${out} old)
  endif()
  if(NOT old STREQUAL text)
    file(WRITE ${out} "${text}")
  endif()
  target_sources(corpus_extract PRIVATE ${out})
endfunction()
