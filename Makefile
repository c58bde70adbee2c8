# The two commands of the README: `make run` and `make test`.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: setup build run test dist

setup:
	@scripts/setup.sh

build: setup
	@scripts/build.sh

## Build in release mode and serve the app on the embedded default (SQLite + sandboxes).
run: build
	target/release/sms-scheduler

## The release archive: binary, site, example configuration, systemd unit, INSTALL.md (dist/).
dist: setup
	@scripts/dist.sh

## Run every test: fmt, clippy, unit, integration, PostgreSQL (when configured), Playwright.
test: setup
	@scripts/test.sh
