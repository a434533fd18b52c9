# make install [PREFIX=/usr/local]: the release build, its man page and shell completions
# (see Scripts/install.sh).
PREFIX ?= /usr/local

.PHONY: install
install:
	bash Scripts/install.sh "$(PREFIX)"
