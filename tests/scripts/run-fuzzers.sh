#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets with clang (preset "fuzz") and runs each over its sample corpus;
# any crash or sanitizer report fails.
#   run-fuzzers.sh SOURCE_DIR [RUNS]
# In CI the run is reproducible: a fixed seed and a fixed number of inputs, so the same commit
# always gives the same result. Open-ended fuzzing is for developers, e.g.
#   build/fuzz/tests/fuzz/fuzz_workspace_loader -max_total_time=600 tests/data/workspace/*/
set -euo pipefail
source_dir=$1
runs=${2:-10000}
cd "$source_dir"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_workspace_loader fuzz_yaml_text_edit \
    fuzz_known_hosts fuzz_ssh_config fuzz_shell_quote fuzz_runbook_parser fuzz_shell_lexer \
    fuzz_sql_tokenizer fuzz_log_search fuzz_log_formats fuzz_live_log_lines fuzz_prometheus_text \
    fuzz_prometheus_api fuzz_redis_info fuzz_container_json fuzz_kube_json fuzz_lock_tree \
    fuzz_backup_listing fuzz_plain_sql_scan
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in fuzz_workspace_loader fuzz_yaml_text_edit fuzz_known_hosts fuzz_ssh_config fuzz_shell_quote \
    fuzz_runbook_parser fuzz_shell_lexer fuzz_sql_tokenizer fuzz_log_search fuzz_log_formats fuzz_live_log_lines \
    fuzz_prometheus_text fuzz_prometheus_api fuzz_redis_info fuzz_container_json fuzz_kube_json \
    fuzz_lock_tree fuzz_backup_listing fuzz_plain_sql_scan; do
    mkdir -p "$work/$target"
    # These two are slow per input (a real sh each; Include expansion): fewer inputs. The
    # runbook parser judges, composes and prepares every block of each input (20 a second).
    target_runs=$runs
    case $target in fuzz_shell_quote | fuzz_ssh_config) target_runs=$((runs / 10)) ;; esac
    # The log formats target reads every line under all twelve formats and highlights each (about
    # 60 inputs a second over the sample files). The exposition parser reads each input three
    # times (detected, 0.0.4, OpenMetrics; about 130 inputs a second). The container reader
    # reads each input six times (three readers, two runtimes; about 150 a second). The kubectl
    # readers parse each input as pods, workloads and events (about 40 inputs a second).
    case $target in
    fuzz_runbook_parser | fuzz_log_formats | fuzz_prometheus_text | fuzz_container_json | fuzz_kube_json)
        target_runs=$((runs / 4)) ;;
    esac
    case $target in
    fuzz_known_hosts | fuzz_ssh_config) corpus=("$source_dir/tests/data/ssh") ;;
    fuzz_shell_quote) corpus=("$source_dir/tests/data/shell") ;;
    fuzz_runbook_parser) corpus=("$source_dir/tests/data/runbooks") ;;
    fuzz_shell_lexer) corpus=("$source_dir/tests/data/shell" "$source_dir/tests/data/runbooks") ;;
    fuzz_sql_tokenizer) corpus=("$source_dir/tests/data/sql" "$source_dir/tests/data/runbooks") ;;
    fuzz_log_search) corpus=("$source_dir/tests/data/logs/search") ;;
    fuzz_log_formats) corpus=("$source_dir/tests/data/logs/formats") ;;
    fuzz_live_log_lines) corpus=("$source_dir/tests/data/logs") ;;
    fuzz_prometheus_text) corpus=("$source_dir/tests/data/health/prometheus") ;;
    fuzz_prometheus_api) corpus=("$source_dir/tests/data/health/prometheus-api"
        "$source_dir/tests/data/health/alertmanager") ;;
    fuzz_redis_info) corpus=("$source_dir/tests/data/health/redis") ;;
    fuzz_lock_tree) corpus=("$source_dir/tests/data/database/locks") ;;
    fuzz_backup_listing) corpus=("$source_dir/tests/data/backups") ;;
    fuzz_plain_sql_scan) corpus=("$source_dir/tests/data/backups/plainsql") ;;
    fuzz_container_json) corpus=("$source_dir/tests/data/containers/docker"
        "$source_dir/tests/data/containers/podman") ;;
    fuzz_kube_json) corpus=("$source_dir/tests/data/containers/kubectl"
        "$source_dir/tests/data/containers/kubectl/errors") ;;
    *) corpus=("$source_dir/tests/data/workspace/valid" "$source_dir/tests/data/workspace/broken"
        "$source_dir/tests/data/workspace/fuzz-regressions") ;;
    esac
    (cd "$work" && "$source_dir/build/fuzz/tests/fuzz/$target" -runs="$target_runs" -seed=1 \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$work/$target" \
        "${corpus[@]}" 2>&1 | grep -E "DONE|stat::number_of_executed_units|ERROR|SUMMARY" || true)
    if compgen -G "$work/crash-*" >/dev/null || compgen -G "$work/leak-*" >/dev/null \
        || compgen -G "$work/timeout-*" >/dev/null; then
        echo "FAIL: $target found a crash; inputs in $work are kept" >&2
        trap - EXIT
        exit 1
    fi
done
echo "fuzzers ran $runs inputs each (seed 1) without a crash"
