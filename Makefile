# poolsim — `make` builds ./poolsim, `make test` runs every test (also under
# ASan+UBSan and valgrind), `make check T=NAME` runs one, `make demo` runs the
# flagship scenario, `make bench` the benchmarks, `make fuzz` the libFuzzer
# targets (docs/testing.md), `make install PREFIX=...` installs the binary,
# libpoolsim, its headers, poolsim.pc, the man page, bash completion, docs,
# scenarios and scripts/ modules, and `make deps` installs what
# pkg-config cannot find (Debian 12 packages, with apt-get).

PREFIX  ?= /usr/local
CC      ?= gcc
# zlib: Debian's xlsxwriter.pc links -lz without requiring zlib, so its -dev package must be asked for
PKGS    := lua5.4 gsl libcjson xlsxwriter zlib
# Debian package for each pkg-config name (and for the tools the tests use)
DEB_lua5.4   := liblua5.4-dev
DEB_gsl      := libgsl-dev
DEB_libcjson := libcjson-dev
DEB_xlsxwriter := libxlsxwriter-dev
DEB_zlib     := zlib1g-dev

# pkg-config runs once, when first needed: after `deps` has installed it
PKG_CFLAGS = $(eval PKG_CFLAGS := $$(shell pkg-config --cflags $(PKGS)))$(PKG_CFLAGS)
PKG_LIBS   = $(eval PKG_LIBS := $$(shell pkg-config --libs $(PKGS)))$(PKG_LIBS)

WARN    := -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L
CFLAGS  ?= -O2 -g
SANFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# the command line (core/cli/): main.c and its argument parsing, not in libpoolsim; core/mpi/ is
# the MPI front end (poolsim-mpi, `make mpi`), not part of the engine either
CLI_SRC  := $(wildcard core/cli/*.c)
MPI_SRC  := $(wildcard core/mpi/*.c)
CORE_SRC := $(filter-out core/cli/% $(MPI_SRC),$(wildcard core/*/*.c))
# Lua library modules (scripts/poolsim/*.lua) compiled in as C strings
SCRIPTS  := $(wildcard scripts/poolsim/*.lua)
GEN_SRC  := build/gen/scripts.c
# unit tests, one per module (tests/unit), and the scenario and validation tests
# computed by hand or against closed forms (tests/validation)
UNIT_SRC := $(wildcard tests/unit/test_*.c tests/validation/test_*.c)

BUILD := build
REL   := $(BUILD)/release
SAN   := $(BUILD)/san

.PHONY: all bench-compare check deps deps-mpi mpi deps-test deps-bench deps-fuzz fuzz test test-release test-san test-valgrind test-render test-static validate demo bench install clean

all: poolsim

# ---- dependencies -------------------------------------------------------
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="pkg-config"; \
	for p in $(PKGS); do \
	  pkg-config --exists $$p 2>/dev/null || case $$p in \
	    lua5.4) missing="$$missing $(DEB_lua5.4)";; \
	    gsl) missing="$$missing $(DEB_gsl)";; \
	    libcjson) missing="$$missing $(DEB_libcjson)";; \
	    xlsxwriter) missing="$$missing $(DEB_xlsxwriter)";; \
	    zlib) missing="$$missing $(DEB_zlib)";; \
	  esac; \
	done; \
	command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || missing="$$missing gcc libc6-dev"; \
	if [ -n "$$missing" ]; then \
	  echo "poolsim: installing $${missing# }"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi

# Debian's OpenMPI (its compiler wrapper mpicc and mpirun), for `make mpi` only: installed when mpicc is missing
deps-mpi: deps
	@command -v mpicc >/dev/null 2>&1 && command -v mpirun >/dev/null 2>&1 || { \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  echo "poolsim: installing libopenmpi-dev openmpi-bin (poolsim-mpi: distributed runs on MPI)"; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q libopenmpi-dev openmpi-bin; }

# valgrind, cppcheck, clang-tidy, chromium, a CJK font and python3-openpyxl (reads the --xlsx workbook back)
# are test tools only: installed by `make test` when missing; OpenMPI too, so that the suite runs the MPI tests (they are skipped where it cannot be installed)
deps-test: deps
	@$(MAKE) --no-print-directory deps-mpi || echo "poolsim: no MPI: the MPI tests will be skipped"
	@missing=""; \
	command -v valgrind >/dev/null 2>&1 || missing="valgrind"; \
	command -v cppcheck >/dev/null 2>&1 || missing="$$missing cppcheck"; \
	command -v clang-tidy >/dev/null 2>&1 || missing="$$missing clang-tidy"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	fc-list :lang=zh 2>/dev/null | grep -q . || missing="$$missing fonts-wqy-microhei"; \
	/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || missing="$$missing python3-openpyxl"; \
	if [ -n "$$missing" ]; then \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  echo "poolsim: installing $${missing# } (test tools: memory checks, static analysis, rendering the HTML report)"; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi

# clang and its libFuzzer runtime, for `make fuzz` only (`make test` replays the
# fuzz inputs with gcc): installed when clang cannot link a fuzz target
FUZZ_CC ?= clang
deps-fuzz: deps
	@mkdir -p $(BUILD); \
	echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { return d && n < 0; }' > $(BUILD)/fuzz_probe.c; \
	$(FUZZ_CC) -fsanitize=fuzzer $(BUILD)/fuzz_probe.c -o $(BUILD)/fuzz_probe >/dev/null 2>&1 || { \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  echo "poolsim: installing clang libclang-rt-14-dev (the fuzz targets: clang and its libFuzzer runtime)"; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q clang libclang-rt-14-dev; }; \
	rm -f $(BUILD)/fuzz_probe.c $(BUILD)/fuzz_probe

# ---- build --------------------------------------------------------------
# -MMD: each object's header dependencies, read back below. The engine is built
# with core/ and include/ on its include path; tests and fuzz targets also see
# their own folder.
DEPFLAGS := -MMD -MP
CORE_INC := -Icore -Iinclude
TEST_INC = $(CORE_INC) -Itests/common -I$(patsubst %/,%,$(dir $<))
INC_FOR = $(if $(filter tests/% bench/%,$<),$(TEST_INC),$(CORE_INC))

$(REL)/%.o: %.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(DEPFLAGS) -pthread $(INC_FOR) $(PKG_CFLAGS) -c $< -o $@

$(SAN)/%.o: %.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(SANFLAGS) $(DEPFLAGS) -pthread $(INC_FOR) $(PKG_CFLAGS) -c $< -o $@

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

$(GEN_SRC): $(SCRIPTS) scripts/embed.sh
	@mkdir -p $(dir $@)
	sh scripts/embed.sh $@ $(foreach f,$(SCRIPTS),$(basename $(notdir $(f)))=$(f))

$(REL)/libpoolsim.a: $(CORE_SRC:%.c=$(REL)/%.o) $(REL)/$(GEN_SRC:.c=.o)
	rm -f $@ && ar rcs $@ $^
$(SAN)/libpoolsim.a: $(CORE_SRC:%.c=$(SAN)/%.o) $(SAN)/$(GEN_SRC:.c=.o)
	rm -f $@ && ar rcs $@ $^

$(REL)/poolsim: $(CLI_SRC:%.c=$(REL)/%.o) $(REL)/libpoolsim.a
	$(CC) $(CFLAGS) -pthread $^ $(PKG_LIBS) -lm -o $@
$(SAN)/poolsim: $(CLI_SRC:%.c=$(SAN)/%.o) $(SAN)/libpoolsim.a
	$(CC) $(SANFLAGS) -pthread $^ $(PKG_LIBS) -lm -o $@

$(REL)/tests/unit/%: $(REL)/tests/unit/%.o $(REL)/libpoolsim.a
	$(CC) $(CFLAGS) -pthread $^ $(PKG_LIBS) -lm -o $@
$(SAN)/tests/unit/%: $(SAN)/tests/unit/%.o $(SAN)/libpoolsim.a
	$(CC) $(SANFLAGS) -pthread $^ $(PKG_LIBS) -lm -o $@
$(REL)/tests/validation/%: $(REL)/tests/validation/%.o $(REL)/libpoolsim.a
	$(CC) $(CFLAGS) -pthread $^ $(PKG_LIBS) -lm -o $@
$(SAN)/tests/validation/%: $(SAN)/tests/validation/%.o $(SAN)/libpoolsim.a
	$(CC) $(SANFLAGS) -pthread $^ $(PKG_LIBS) -lm -o $@

# the fuzz targets replayed on their committed inputs by `make test` (tests/fuzz/replay.c)
FUZZ_TARGETS := csv set scenario hooks
$(SAN)/tests/fuzz/fuzz_%: $(SAN)/tests/fuzz/fuzz_%.o $(SAN)/tests/fuzz/fuzz_tmp.o $(SAN)/tests/fuzz/replay.o $(SAN)/libpoolsim.a
	$(CC) $(SANFLAGS) -pthread $^ $(PKG_LIBS) -lm -o $@

# the same targets under libFuzzer (clang), the engine instrumented for coverage
FUZZ := $(BUILD)/fuzz
FUZZ_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
$(FUZZ)/%.o: %.c | deps-fuzz
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(WARN) $(FUZZ_FLAGS) $(DEPFLAGS) -fsanitize=fuzzer-no-link -pthread $(INC_FOR) $(PKG_CFLAGS) -c $< -o $@
$(FUZZ)/libpoolsim.a: $(CORE_SRC:%.c=$(FUZZ)/%.o) $(FUZZ)/$(GEN_SRC:.c=.o)
	ar rcs $@ $^
$(FUZZ)/fuzz_%: $(FUZZ)/tests/fuzz/fuzz_%.o $(FUZZ)/tests/fuzz/fuzz_tmp.o $(FUZZ)/libpoolsim.a
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -pthread $^ $(PKG_LIBS) -lm -o $@

poolsim: $(REL)/poolsim
	cp $< $@

# poolsim-mpi: the command line of core/cli/main.c (its main renamed, core/mpi/mpi_main.c calls it)
# with every run's paths spread over MPI ranks (docs/cluster.md); the engine itself has no MPI in it
MPI := $(BUILD)/mpi
$(MPI)/%.o: %.c | deps-mpi
	@mkdir -p $(dir $@)
	mpicc $(WARN) $(CFLAGS) $(DEPFLAGS) -pthread $(CORE_INC) $(PKG_CFLAGS) -c $< -o $@
$(MPI)/cli_main.o: core/cli/main.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(DEPFLAGS) -pthread $(CORE_INC) $(PKG_CFLAGS) -Dmain=ps_cli_main -c $< -o $@
$(MPI)/poolsim-mpi: $(MPI_SRC:%.c=$(MPI)/%.o) $(MPI)/cli_main.o $(filter-out %/main.o,$(CLI_SRC:%.c=$(REL)/%.o)) \
                    $(REL)/libpoolsim.a | deps-mpi
	mpicc $(CFLAGS) -pthread $^ $(PKG_LIBS) -lm -o $@
poolsim-mpi: $(MPI)/poolsim-mpi
	cp $< $@
mpi: poolsim-mpi

UNITS := $(UNIT_SRC:%.c=%)
.SECONDARY: # keep the test objects between runs

# ---- tests --------------------------------------------------------------
# make check T=NAME runs one test: a unit test (T=test_rules or T=rules), the
# CLI tests (T=cli), the catalogue of bad inputs (T=catalogue), the install
# test (T=install) or poolsim-mpi against poolsim (T=mpi), against the release build
check: poolsim
	@t="$(T)"; case "$$t" in \
	  "") echo "make check T=NAME: one of $(notdir $(UNITS)) cli catalogue install mpi"; exit 2 ;; \
	  mpi) $(MAKE) --no-print-directory mpi && sh tests/mpi/test_mpi.sh ./poolsim ./poolsim-mpi ;; \
	  cli) for t in tests/cli/test_*.sh; do sh $$t ./poolsim || exit 1; done ;; \
	  catalogue) sh tests/catalogue/run.sh ./poolsim ;; \
	  install) sh tests/install/test_install.sh ./poolsim ;; \
	  *) t=test_$${t#test_}; f=$$(ls tests/unit/$$t.c tests/validation/$$t.c 2>/dev/null); \
	     [ -n "$$f" ] || { echo "no test tests/unit/$$t.c or tests/validation/$$t.c"; exit 2; }; \
	     $(MAKE) --no-print-directory $(REL)/$${f%.c} && $(REL)/$${f%.c} ;; esac

test: deps-test
	@rm -f $(BUILD)/results/*.txt
	@$(MAKE) --no-print-directory test-release test-san test-valgrind test-render test-static
	@sh tests/summary.sh $(BUILD)/results

# the MPI tests (tests/mpi/) run when `make mpi` can build poolsim-mpi, and are skipped otherwise
test-release: poolsim $(UNITS:%=$(REL)/%)
	@mkdir -p $(BUILD)/results
	@mpi=; $(MAKE) --no-print-directory mpi > $(BUILD)/results/mpi-build.log 2>&1 && mpi=./poolsim-mpi; \
	  POOLSIM_MPI=$$mpi sh tests/run.sh release $(REL) ./poolsim > $(BUILD)/results/release.txt || true
	@cat $(BUILD)/results/release.txt

test-san: $(SAN)/poolsim $(UNITS:%=$(SAN)/%) $(FUZZ_TARGETS:%=$(SAN)/tests/fuzz/fuzz_%)
	@mkdir -p $(BUILD)/results
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  sh tests/run.sh sanitizers $(SAN) $(SAN)/poolsim > $(BUILD)/results/san.txt || true
	@cat $(BUILD)/results/san.txt

# the HTML report rendered by headless Chromium to a PNG and a PDF
test-render: poolsim
	@mkdir -p $(BUILD)/results
	@sh tests/html/render_check.sh ./poolsim > $(BUILD)/results/render.txt 2>&1 || true
	@cat $(BUILD)/results/render.txt

# cppcheck and clang-tidy (checks in .clang-tidy) on core/, and no modules of
# core/ calling or including each other in a circle (tests/static/)
test-static: $(REL)/libpoolsim.a
	@mkdir -p $(BUILD)/results
	@sh tests/static/cppcheck.sh > $(BUILD)/results/static.txt 2>&1 || true
	@sh tests/static/clang-tidy.sh > $(BUILD)/results/clang-tidy.txt 2>&1 || true
	@sh tests/static/layers.sh $(REL) > $(BUILD)/results/layers.txt 2>&1 || true
	@cat $(BUILD)/results/static.txt $(BUILD)/results/clang-tidy.txt $(BUILD)/results/layers.txt

test-valgrind: poolsim
	@mkdir -p $(BUILD)/results
	@sh tests/valgrind.sh ./poolsim > $(BUILD)/results/valgrind.txt || true
	@cat $(BUILD)/results/valgrind.txt

# ---- fuzzing (clang's libFuzzer; installs clang when missing) -----------
# each target FUZZ_SECONDS from its seeds (tests/fuzz/corpus/, tests/fuzz/seeds/) and regression
# inputs; what it learns goes to build/fuzz/corpus/, crashes to build/fuzz/artifacts/
FUZZ_SECONDS ?= 60
fuzz: $(FUZZ_TARGETS:%=$(FUZZ)/fuzz_%)
	@sh tests/fuzz/fuzz.sh $(FUZZ) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# ---- validation against closed forms: regenerates docs/validation.md ------
validate: $(REL)/tests/validation/test_model_validation
	$< --write docs/validation.md

# ---- demo, bench, install -------------------------------------------------
DEMO := scenarios/mianyang_2022.lua
demo: poolsim
	@mkdir -p out
	./poolsim run $(DEMO) --alpha 0.10,0.05,0.01 --at 2.2e8,2.5e8 --json out/mianyang_2022.json \
	    --html out/mianyang_2022.html --md out/mianyang_2022.md --csv out/mianyang_2022_csv --xlsx out/mianyang_2022.xlsx > out/mianyang_2022.txt
	@cat out/mianyang_2022.txt
	@echo "report: $(CURDIR)/out/mianyang_2022.html (also .txt, .md, .json, .xlsx and out/mianyang_2022_csv/)"

# NumPy is the external baseline of the benchmarks only (Debian's python3, bench/numpy_b1.py)
deps-bench: deps
	@missing=""; \
	/usr/bin/python3 -c 'import numpy' 2>/dev/null || missing="python3-numpy"; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	if [ -n "$$missing" ]; then \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  echo "poolsim: installing $${missing# } (the NumPy baseline, peak memory of runs)"; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi

# the naive loan-by-loan sampler, the benchmarks' baseline, is not a user
# option: bench/naive_run.c runs it from the engine's internals
$(REL)/bench/naive_run: $(REL)/bench/naive_run.o $(REL)/libpoolsim.a
	$(CC) $(CFLAGS) -pthread $^ $(PKG_LIBS) -lm -o $@

# the randomness floor: only the draws a path must make (bench/floor.c)
$(REL)/bench/floor: $(REL)/bench/floor.o $(REL)/libpoolsim.a
	$(CC) $(CFLAGS) -pthread $^ $(PKG_LIBS) -lm -o $@

bench: poolsim $(REL)/bench/naive_run $(REL)/bench/floor deps-bench
	@sh bench/run.sh ./poolsim $(REL)/bench/naive_run $(REL)/bench/floor

# the binary, the library with its headers, and a pkg-config file, so that
# `cc prog.c $$(pkg-config --cflags --libs poolsim)` builds an embedding program
# (tests/install/test_install.sh does, against a staged install); the man page,
# bash completion, the docs, the scenarios (with their data) and the Lua modules
# of scripts/ (compiled in; installed to read) under share/
VERSION = $(shell sed -n 's/^\#define PS_VERSION "\(.*\)"/\1/p' include/poolsim/poolsim.h)
# the hot path of ./poolsim against another build (OLD=path/to/poolsim), alternated
bench-compare: poolsim
	@[ -n "$(OLD)" ] || { echo "make bench-compare OLD=path/to/an/older/poolsim"; exit 2; }
	@sh bench/compare.sh $(OLD) ./poolsim $(RUNS)

install: poolsim $(REL)/libpoolsim.a
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include/poolsim \
	    $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	    $(DESTDIR)$(PREFIX)/share/doc/poolsim $(DESTDIR)$(PREFIX)/share/poolsim/scenarios/data \
	    $(DESTDIR)$(PREFIX)/share/poolsim/scripts/poolsim
	install -m 755 poolsim $(DESTDIR)$(PREFIX)/bin/poolsim
	install -m 644 $(REL)/libpoolsim.a $(DESTDIR)$(PREFIX)/lib/libpoolsim.a
	install -m 644 include/poolsim/*.h $(DESTDIR)$(PREFIX)/include/poolsim/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' -e 's|@REQUIRES@|$(PKGS)|' poolsim.pc.in \
	    > $(DESTDIR)$(PREFIX)/lib/pkgconfig/poolsim.pc
	install -m 644 docs/poolsim.1 $(DESTDIR)$(PREFIX)/share/man/man1/poolsim.1
	install -m 644 completion/poolsim.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/poolsim
	install -m 644 README.md docs/*.md $(DESTDIR)$(PREFIX)/share/doc/poolsim/
	install -m 644 scenarios/*.lua $(DESTDIR)$(PREFIX)/share/poolsim/scenarios/
	install -m 644 scenarios/data/* $(DESTDIR)$(PREFIX)/share/poolsim/scenarios/data/
	install -m 644 $(SCRIPTS) $(DESTDIR)$(PREFIX)/share/poolsim/scripts/poolsim/

clean:
	rm -rf $(BUILD) poolsim poolsim-mpi out
