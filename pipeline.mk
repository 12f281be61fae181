# pipeline.mk: a full corpus run as a Makefile.
#
#   make -f pipeline.mk SEEDS=seeds/x.txt OUT=out/        # crawl -> ... -> release
#   make -f pipeline.mk WARC='cc/*.warc.gz' OUT=out/      # extract from archives -> ... -> release
#   make -f pipeline.mk OUT=out/ CONFIG_FILTER=configs/c4.toml   # reruns filter and shard only
#
# Each target is a stage's $(OUT)/<stage>/_manifest.json, which a stage writes
# only when all of its work is done. So an interrupted run picks up where it
# stopped (the stage resumes from its _done markers), and a stage reruns when
# its input stage or its config file is newer. When a finished stage reruns
# because something it depends on changed, it gets --force (its old output is
# stale); an unfinished one resumes without it.
#
# Variables: CORPUS (binary), OUT, SEEDS or WARC, CONFIG_<STAGE> (a TOML file
# with a [<stage>] section), <STAGE>_FLAGS (extra flags), THREADS.

CORPUS ?= build/corpus
OUT ?= out
SEEDS ?=
WARC ?=
THREADS ?= 0
CONFIG_DEFAULT ?= configs/default.toml
CONFIG_CRAWL ?= $(CONFIG_DEFAULT)
CONFIG_EXTRACT ?= $(CONFIG_DEFAULT)
CONFIG_DEDUP ?= $(CONFIG_DEFAULT)
CONFIG_FILTER ?= $(CONFIG_DEFAULT)
CONFIG_SHARD ?= $(CONFIG_DEFAULT)
CRAWL_FLAGS ?=
EXTRACT_FLAGS ?=
DEDUP_FLAGS ?=
FILTER_FLAGS ?=
SHARD_FLAGS ?=

OUT := $(patsubst %/,%,$(OUT))
COMMON = --threads $(THREADS) --no-progress
# --force only when the stage had finished before (its manifest exists).
FORCE_IF_DONE = $(if $(wildcard $@),--force,)
# Exit code 3 = finished with malformed input set aside: not a failure here.
RUN = rc=0; $(1) || rc=$$?; if [ $$rc -eq 3 ]; then echo "pipeline.mk: $(2): some input was malformed, see its rejected/" >&2; elif [ $$rc -ne 0 ]; then exit $$rc; fi

# settings_stamp(stage, text): a file holding the stage's settings (config file
# name and extra flags), rewritten only when they change. Stages depend on it,
# so choosing another config file or other flags reruns that stage and what
# follows, like editing the config file does.
settings_changed = $(subst $(1),,$(2))$(subst $(2),,$(1))
settings_stamp = $(OUT)/.settings/$(1)$(if $(call settings_changed,$(strip $(file <$(OUT)/.settings/$(1))),$(strip $(2))),$(shell mkdir -p $(OUT)/.settings)$(file >$(OUT)/.settings/$(1),$(strip $(2))))

PAGES := $(OUT)/pages/_manifest.json
DOCS := $(OUT)/docs/_manifest.json
UNIQUE := $(OUT)/unique/_manifest.json
CLEAN := $(OUT)/clean/_manifest.json
RELEASE := $(OUT)/release/_manifest.json

.PHONY: all stats
all: $(RELEASE)

ifneq ($(strip $(WARC)),)
# From archives: no crawl; the archives themselves are the extract inputs.
WARC_FILES := $(wildcard $(WARC))
$(DOCS): $(WARC_FILES) $(CONFIG_EXTRACT) $(call settings_stamp,extract,$(CONFIG_EXTRACT) $(EXTRACT_FLAGS) $(WARC))
	@test -n "$(WARC_FILES)" || { echo "pipeline.mk: no file matches WARC=$(WARC)" >&2; exit 1; }
	$(call RUN,$(CORPUS) extract --config $(CONFIG_EXTRACT) --in $(WARC_FILES) --out $(OUT)/docs $(COMMON) $(FORCE_IF_DONE) $(EXTRACT_FLAGS),extract)
	@test -f $@
STAGES := $(OUT)/docs $(OUT)/unique $(OUT)/clean $(OUT)/release
else
$(PAGES): $(SEEDS) $(CONFIG_CRAWL) $(call settings_stamp,crawl,$(CONFIG_CRAWL) $(CRAWL_FLAGS))
	@test -n "$(SEEDS)" || { echo "pipeline.mk: give SEEDS=file or WARC='glob'" >&2; exit 1; }
	$(call RUN,$(CORPUS) crawl --config $(CONFIG_CRAWL) --seeds $(SEEDS) --out $(OUT)/pages $(COMMON) $(FORCE_IF_DONE) $(CRAWL_FLAGS),crawl)
	@test -f $@
$(DOCS): $(PAGES) $(CONFIG_EXTRACT) $(call settings_stamp,extract,$(CONFIG_EXTRACT) $(EXTRACT_FLAGS))
	$(call RUN,$(CORPUS) extract --config $(CONFIG_EXTRACT) --in $(OUT)/pages --out $(OUT)/docs $(COMMON) $(FORCE_IF_DONE) $(EXTRACT_FLAGS),extract)
	@test -f $@
STAGES := $(OUT)/pages $(OUT)/docs $(OUT)/unique $(OUT)/clean $(OUT)/release
endif

$(UNIQUE): $(DOCS) $(CONFIG_DEDUP) $(call settings_stamp,dedup,$(CONFIG_DEDUP) $(DEDUP_FLAGS))
	$(call RUN,$(CORPUS) dedup --config $(CONFIG_DEDUP) --in $(OUT)/docs --out $(OUT)/unique $(COMMON) $(FORCE_IF_DONE) $(DEDUP_FLAGS),dedup)
	@test -f $@
$(CLEAN): $(UNIQUE) $(CONFIG_FILTER) $(call settings_stamp,filter,$(CONFIG_FILTER) $(FILTER_FLAGS))
	$(call RUN,$(CORPUS) filter --config $(CONFIG_FILTER) --in $(OUT)/unique --out $(OUT)/clean $(COMMON) $(FORCE_IF_DONE) $(FILTER_FLAGS),filter)
	@test -f $@
$(RELEASE): $(CLEAN) $(CONFIG_SHARD) $(call settings_stamp,shard,$(CONFIG_SHARD) $(SHARD_FLAGS))
	$(call RUN,$(CORPUS) shard --config $(CONFIG_SHARD) --in $(OUT)/clean --out $(OUT)/release $(COMMON) $(FORCE_IF_DONE) $(SHARD_FLAGS),shard)
	@test -f $@

stats: $(RELEASE)
	$(CORPUS) stats $(STAGES)
