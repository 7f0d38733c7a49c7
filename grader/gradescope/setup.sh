#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder image (Ubuntu). It installs a JDK and Maven and builds
# the kit, so that grading itself needs no network. The kit sits next to this file in /autograder/source.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q openjdk-17-jdk-headless maven zip unzip
cd /autograder/source
# Builds the kit (downloading every dependency into ~/.m2 now) and checks the grader starts.
grader/grade --help >/dev/null
chmod +x /autograder/source/run_autograder
