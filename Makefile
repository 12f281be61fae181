# corpus: the two commands of the README, plus helpers.
#   make demo   the whole pipeline on the built-in site (no internet)
#   make test   build and run every test
# Both install missing Debian packages first (scripts/install-deps.sh).

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
CTEST_JOBS ?= $(JOBS)
# ccache, when installed, keeps objects across build folders and clones.
CCACHE := $(shell command -v ccache 2>/dev/null)
LAUNCHER := $(if $(CCACHE),-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
export CCACHE_BASEDIR ?= $(CURDIR)
export CCACHE_NOHASHDIR ?= 1

.PHONY: all deps configure build test demo eval-extract bench clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(LAUNCHER) > /dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j$(JOBS)

test: build
	@CORPUS_WITH_TEST_TOOLS=1 scripts/install-deps.sh
	@scripts/install-test-tools.sh $(BUILD_DIR)/test-tools
	@cd $(BUILD_DIR) && ctest --output-on-failure -j$(CTEST_JOBS)

demo: deps
	@scripts/demo.sh

eval-extract: deps
	@scripts/eval_extract.sh

bench: build
	@scripts/bench.sh $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR)
