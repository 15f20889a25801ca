// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/sqlrisk.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <span>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

using Kind = SqlToken::Kind;

// A reason from the tables below (marked with QT_TRANSLATE_NOOP), with what decided it.
QString said(const char *text, const QString &what = {}, const QString &more = {})
{
    const QString reason = QCoreApplication::translate("SqlRisk", text);
    if (!more.isNull())
        return reason.arg(what, more); // at once: a % in what is not a marker
    return what.isNull() ? reason : reason.arg(what);
}

QString asciiCase(QStringView text, bool upper)
{
    QString result = text.toString();
    for (QChar &c : result) {
        if (upper && c >= u'a' && c <= u'z')
            c = QChar(c.unicode() - 32);
        else if (!upper && c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + 32);
    }
    return result;
}

QSet<QString> wordSet(QStringView words)
{
    QSet<QString> set;
    for (const QStringView word : words.tokenize(u' ', Qt::SkipEmptyParts))
        set.insert(word.toString());
    return set;
}

// A token that counts: comments and whitespace left out.
struct Word {
    Kind kind = Kind::Other;
    QStringView text;
    // Identifier: in upper case (PostgreSQL folds unquoted names); QuotedIdentifier: the name
    // between the quotes; otherwise the text.
    QString key;

    bool is(QStringView keyword) const { return kind == Kind::Identifier && key == keyword; }
    bool isAnyOf(std::initializer_list<QStringView> keywords) const
    {
        return std::any_of(keywords.begin(), keywords.end(),
                           [this](QStringView keyword) { return is(keyword); });
    }
    bool isPunctuation(QStringView spelling) const
    {
        return kind == Kind::Punctuation && text == spelling;
    }
    bool isName() const { return kind == Kind::Identifier || kind == Kind::QuotedIdentifier; }
    // How PostgreSQL looks the name up: unquoted in lower case, quoted as written.
    QString name() const { return kind == Kind::Identifier ? asciiCase(text, false) : key; }
};

using Words = std::span<const Word>;

Word wordOf(QStringView text, const SqlToken &token)
{
    Word word{token.kind, token.in(text), {}};
    if (token.kind == Kind::Identifier) {
        word.key = asciiCase(word.text, true);
    } else if (token.kind == Kind::QuotedIdentifier && token.terminated &&
               word.text.startsWith(u'"') && word.text.size() >= 2) {
        word.key = word.text.mid(1, word.text.size() - 2).toString().replace(u"\"\""_s, u"\""_s);
    } else {
        word.key = word.text.toString();
    }
    return word;
}

// The words of a piece of SQL (a DO block's body, \copy's arguments); they point into text.
std::vector<Word> wordsOf(QStringView text, SqlLexOptions options)
{
    std::vector<Word> words;
    for (const SqlToken &token : tokenizeSql(text, options).tokens) {
        if (token.kind != Kind::Whitespace && token.kind != Kind::LineComment &&
            token.kind != Kind::BlockComment)
            words.push_back(wordOf(text, token));
    }
    return words;
}

// The index of the ")" that closes the "(" at open, or words.size() when none does.
qsizetype closing(Words words, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < qsizetype(words.size()); ++i) {
        if (words[i].isPunctuation(u"("))
            ++depth;
        else if (words[i].isPunctuation(u")") && --depth == 0)
            return i;
    }
    return qsizetype(words.size());
}

// The first word from `from` on, outside parentheses, that is one of the keywords; or -1.
qsizetype findOutside(Words words, qsizetype from, std::initializer_list<QStringView> keywords)
{
    int depth = 0;
    for (qsizetype i = from; i < qsizetype(words.size()); ++i) {
        if (words[i].isPunctuation(u"("))
            ++depth;
        else if (words[i].isPunctuation(u")"))
            depth = std::max(0, depth - 1);
        else if (depth == 0 && words[i].isAnyOf(keywords))
            return i;
    }
    return -1;
}

// The highest risk seen so far, with the reason of the first statement that reached it.
class Verdict
{
public:
    void raise(Risk risk, const QString &reason)
    {
        if (int(risk) > int(m_result.risk) || (risk == m_result.risk && m_result.reason.isEmpty()))
            m_result = RiskAssessment{risk, reason};
    }
    void raise(const RiskAssessment &assessment) { raise(assessment.risk, assessment.reason); }
    const RiskAssessment &result() const { return m_result; }

private:
    RiskAssessment m_result;
};

// --- Functions -----------------------------------------------------------------------------

struct FunctionRule {
    const char *name;
    bool prefix; // name is the start of the function names it covers
    Risk risk;
    const char *reason;
};

// Known writers and destroyers, looked up before the read-only list (pg_stat_reset is not a
// pg_stat_* reader). The first rule that matches decides.
const FunctionRule WriterFunctions[] = {
    {"pg_terminate_backend", false, Risk::Destroy,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` ends other sessions")},
    {"pg_drop_replication_slot", false, Risk::Destroy,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` drops replication state")},
    {"pg_replication_origin_drop", false, Risk::Destroy,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` drops replication state")},
    {"lo_unlink", false, Risk::Destroy, QT_TRANSLATE_NOOP("SqlRisk", "`%1` deletes large objects")},
    {"pg_file_unlink", false, Risk::Destroy,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` deletes a file on the database server")},
    {"pg_cancel_backend", false, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` cancels other sessions' queries")},
    {"set_config", false, Risk::Change, QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes a setting")},
    {"nextval", false, Risk::Change, QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes a sequence")},
    {"setval", false, Risk::Change, QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes a sequence")},
    {"pg_advisory_", true, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` takes or releases an advisory lock")},
    {"pg_try_advisory_", true, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` takes or releases an advisory lock")},
    {"lo_", true, Risk::Change, QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes large objects")},
    {"dblink_exec", false, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` runs SQL on another database")},
    {"pg_stat_reset", true, Risk::Change, QT_TRANSLATE_NOOP("SqlRisk", "`%1` resets statistics")},
    {"pg_stat_statements_reset", false, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` resets statistics")},
    {"pg_notify", false, Risk::Change, QT_TRANSLATE_NOOP("SqlRisk", "`%1` signals other sessions")},
    {"pg_file_", true, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` writes a file on the database server")},
    {"pg_create_restore_point", false, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes the state of the database server")},
    {"pg_create_", true, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes replication state")},
    {"pg_copy_", true, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes replication state")},
    {"pg_replication_origin_", true, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes replication state")},
    {"pg_replication_slot_advance", false, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes replication state")},
    {"pg_logical_slot_get_", true, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes replication state")},
    {"pg_logical_emit_message", false, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes replication state")},
    {"pg_reload_conf", false, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes the state of the database server")},
    {"pg_rotate_logfile", true, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes the state of the database server")},
    {"pg_switch_wal", false, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes the state of the database server")},
    {"pg_switch_xlog", false, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes the state of the database server")},
    {"pg_promote", false, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes the state of the database server")},
    {"pg_wal_replay_", true, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes the state of the database server")},
    {"pg_xlog_replay_", true, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes the state of the database server")},
    {"pg_backup_start", false, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes the state of the database server")},
    {"pg_backup_stop", false, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes the state of the database server")},
    {"pg_start_backup", false, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes the state of the database server")},
    {"pg_stop_backup", false, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes the state of the database server")},
    {"pg_log_backend_memory_contexts", false, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes the state of the database server")},
    {"pg_import_system_collations", false, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes the state of the database server")},
    {"pg_extension_config_dump", false, Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes the state of the database server")},
};

const FunctionRule *writerRule(const QString &name)
{
    for (const FunctionRule &rule : WriterFunctions) {
        const QLatin1String ruleName(rule.name);
        if (rule.prefix ? name.startsWith(ruleName) : name == ruleName)
            return &rule;
    }
    return nullptr;
}

// Functions known to read only: what diagnostic queries call. Broad on purpose, so that Unknown
// stays rare; the server enforces read-only transactions as well.
bool isReadOnlyFunction(const QString &name)
{
    static const QSet<QString> exact = wordSet(
        // aggregates and window functions
        u"count sum avg min max array_agg string_agg xmlagg every mode rank dense_rank "
        u"percent_rank cume_dist row_number ntile lag lead first_value last_value nth_value "
        u"grouping rollup cube corr range_agg range_intersect_agg any_value variance "
        // conditionals
        u"coalesce nullif greatest least num_nulls num_nonnulls "
        // strings and bytes
        u"ascii btrim char_length character_length chr concat concat_ws convert convert_from "
        u"convert_to decode encode format initcap left length lower lpad ltrim md5 normalize "
        u"octet_length overlay parse_ident position quote_ident quote_literal quote_nullable "
        u"repeat replace reverse right rpad rtrim sha224 sha256 sha384 sha512 split_part "
        u"starts_with strpos substr substring to_ascii to_hex translate trim unistr upper crc32 "
        u"crc32c casefold get_byte get_bit set_byte set_bit gen_random_uuid uuidv4 uuidv7 "
        u"uuid_generate_v1 uuid_generate_v4 uuid_extract_timestamp uuid_extract_version "
        u"similarity word_similarity strict_word_similarity show_trgm levenshtein soundex "
        u"difference metaphone dmetaphone dmetaphone_alt "
        // numbers
        u"abs cbrt ceil ceiling degrees div exp factorial floor gcd lcm ln log log10 min_scale "
        u"mod pi power pow radians random random_normal round scale sign sqrt trim_scale trunc "
        u"width_bucket acos acosd asin asind atan atand atan2 atan2d cos cosd cot cotd sin sind "
        u"tan tand sinh cosh tanh asinh acosh atanh erf erfc gamma lgamma "
        // dates and times
        u"age clock_timestamp extract isfinite localtime localtimestamp now statement_timestamp "
        u"timeofday transaction_timestamp to_char to_date to_number to_timestamp timezone "
        u"current_date current_time current_timestamp date_add date_bin date_part "
        u"date_subtract date_trunc make_date make_interval make_time make_timestamp "
        u"make_timestamptz justify_days justify_hours justify_interval "
        u"regexp_count regexp_instr regexp_like regexp_match regexp_matches regexp_replace "
        u"regexp_split_to_array regexp_split_to_table regexp_substr "
        // types used as conversion functions, and type modifiers: numeric(10, 2)
        u"int int2 int4 int8 integer bigint smallint float float4 float8 real numeric decimal "
        u"bool boolean date time timetz timestamp timestamptz interval inet cidr macaddr "
        u"macaddr8 uuid bytea text varchar char character varying bpchar name regclass regtype "
        u"regproc regprocedure regnamespace regrole regoper regoperator regconfig regdictionary "
        u"oid xid xid8 tid money bit varbit point line lseg box path polygon circle tsvector "
        u"tsquery pg_lsn int4range int8range numrange tsrange tstzrange daterange "
        u"int4multirange int8multirange nummultirange tsmultirange tstzmultirange "
        u"datemultirange json jsonb "
        // arrays, sets, ranges
        u"cardinality trim_array unnest generate_series generate_subscripts isempty lower_inc "
        u"upper_inc lower_inf upper_inf range_merge multirange array_append array_cat array_dims "
        u"array_fill array_length array_lower array_ndims array_position array_positions "
        u"array_prepend array_remove array_replace array_reverse array_sample array_shuffle "
        u"array_sort array_to_json array_to_string array_upper string_to_array "
        u"string_to_table "
        // JSON and XML
        u"to_json to_jsonb row_to_json json_agg json_agg_strict json_array_elements "
        u"json_array_elements_text json_array_length json_build_array json_build_object "
        u"json_each json_each_text json_extract_path json_extract_path_text json_object "
        u"json_object_agg json_object_agg_strict json_object_agg_unique "
        u"json_object_agg_unique_strict json_object_keys json_populate_record "
        u"json_populate_recordset json_strip_nulls json_to_record json_to_recordset "
        u"json_typeof json_array json_arrayagg json_objectagg json_scalar json_serialize "
        u"json_query json_value json_exists json_table jsonb_agg jsonb_agg_strict "
        u"jsonb_array_elements jsonb_array_elements_text jsonb_array_length jsonb_build_array "
        u"jsonb_build_object jsonb_each jsonb_each_text jsonb_extract_path "
        u"jsonb_extract_path_text jsonb_insert jsonb_object jsonb_object_agg "
        u"jsonb_object_agg_strict jsonb_object_agg_unique jsonb_object_agg_unique_strict "
        u"jsonb_object_keys jsonb_path_exists jsonb_path_exists_tz jsonb_path_match "
        u"jsonb_path_match_tz jsonb_path_query jsonb_path_query_array "
        u"jsonb_path_query_array_tz jsonb_path_query_first jsonb_path_query_first_tz "
        u"jsonb_path_query_tz jsonb_populate_record jsonb_populate_record_valid "
        u"jsonb_populate_recordset jsonb_pretty jsonb_set jsonb_set_lax jsonb_strip_nulls "
        u"jsonb_to_record jsonb_to_recordset jsonb_typeof xmlcomment xmlconcat xmlelement "
        u"xmlexists xmlforest xmlparse xmlpi xmlroot xmlserialize xmltable xmltext "
        u"xml_is_well_formed xml_is_well_formed_content xml_is_well_formed_document "
        // more aggregates
        u"bool_and bool_or bit_and bit_or bit_xor bit_count bit_length percentile_cont "
        u"percentile_disc regr_avgx regr_avgy regr_count regr_intercept regr_r2 regr_slope "
        u"regr_sxx regr_sxy regr_syy covar_pop covar_samp stddev stddev_pop stddev_samp "
        u"var_pop var_samp "
        // text search
        u"to_tsvector to_tsquery plainto_tsquery phraseto_tsquery websearch_to_tsquery ts_rank "
        u"ts_rank_cd ts_headline setweight strip tsvector_to_array array_to_tsvector numnode "
        u"querytree ts_lexize ts_debug ts_parse ts_token_type ts_delete ts_filter "
        u"get_current_ts_config xpath xpath_exists "
        // network and geometry
        u"abbrev broadcast family host hostmask inet_merge inet_same_family masklen netmask "
        u"network set_masklen inet_client_addr inet_client_port inet_server_addr "
        u"inet_server_port area center diagonal diameter height isclosed isopen npoints pclose "
        u"popen radius slope width bound_box "
        // TABLESAMPLE methods
        u"bernoulli system system_rows system_time "
        // the session and the server
        u"current_database current_query current_role current_schema current_schemas "
        u"current_user session_user system_user user version current_setting "
        u"pg_backend_pid pg_blocking_pids pg_safe_snapshot_blocking_pids "
        u"pg_isolation_test_session_is_blocked pg_conf_load_time pg_current_logfile "
        u"pg_my_temp_schema pg_jit_available pg_listening_channels pg_notification_queue_usage "
        u"pg_postmaster_start_time pg_trigger_depth pg_typeof pg_collation_for collation_for "
        u"pg_column_size pg_column_compression pg_database_size pg_indexes_size "
        u"pg_relation_size pg_table_size pg_tablespace_size pg_total_relation_size "
        u"pg_relation_filenode pg_relation_filepath pg_filenode_relation "
        u"pg_tablespace_location pg_tablespace_databases pg_options_to_table "
        u"pg_settings_get_flags pg_describe_object pg_identify_object "
        u"pg_identify_object_as_address pg_wal_lsn_diff pg_current_wal_lsn "
        u"pg_current_wal_insert_lsn pg_current_wal_flush_lsn pg_walfile_name "
        u"pg_walfile_name_offset pg_split_walfile_name pg_last_xact_replay_timestamp "
        u"pg_last_committed_xact pg_xact_commit_timestamp pg_xact_commit_timestamp_origin "
        u"pg_xact_status pg_current_snapshot pg_snapshot_xmin pg_snapshot_xmax "
        u"pg_snapshot_xip pg_visible_in_snapshot pg_current_xact_id_if_assigned "
        u"txid_current_if_assigned txid_current_snapshot txid_snapshot_xmin "
        u"txid_snapshot_xmax txid_snapshot_xip txid_visible_in_snapshot txid_status mxid_age "
        u"pg_sleep pg_sleep_for pg_sleep_until obj_description col_description "
        u"shobj_description format_type row_security_active pg_has_role acldefault "
        u"aclexplode makeaclitem pg_sequence_last_value pg_sequence_parameters "
        u"pg_available_extensions pg_available_extension_versions pg_show_all_settings "
        u"pg_show_all_file_settings pg_hba_file_rules pg_ident_file_mappings pg_config "
        u"pg_cursor pg_prepared_statement pg_prepared_xact pg_lock_status pg_timezone_names "
        u"pg_timezone_abbrevs pg_encoding_to_char pg_char_to_encoding pg_client_encoding "
        u"pg_input_is_valid pg_input_error_info pg_mcv_list_items pg_size_pretty "
        u"pg_size_bytes pg_event_trigger_ddl_commands pg_event_trigger_dropped_objects "
        u"pg_event_trigger_table_rewrite_oid pg_event_trigger_table_rewrite_reason "
        u"pg_logical_slot_peek_changes pg_logical_slot_peek_binary_changes "
        u"pg_backup_start_time pg_indexam_has_property pg_index_has_property "
        u"pg_index_column_has_property pg_tablespace_databases pg_buffercache_pages "
        u"pg_buffercache_summary pg_buffercache_usage_counts pg_freespace pgstattuple "
        u"pgstattuple_approx pgstatindex pgstatginindex pgstathashindex pg_relpages "
        u"bt_index_check bt_index_parent_check verify_heapam pg_visibility pg_visibility_map "
        u"pg_check_frozen pg_check_visible"_s);
    // Families of PostgreSQL's own pg_ functions that read the statistics, the catalog, the
    // server's files and its state. Families of ordinary words (json_, array_, make_) are
    // listed by name above: a database's own make_room() is not known to read.
    static const QStringList prefixes = {u"pg_stat_"_s,     u"pg_get_"_s,       u"pg_is_"_s,
                                         u"pg_last_wal_"_s, u"pg_ls_"_s,        u"pg_read_"_s,
                                         u"pg_control_"_s,  u"pg_partition_"_s, u"to_reg"_s};
    if (exact.contains(name))
        return true;
    if (std::any_of(prefixes.begin(), prefixes.end(),
                    [&](const QString &prefix) { return name.startsWith(prefix); }))
        return true;
    // has_table_privilege, pg_table_is_visible, ...
    return (name.startsWith(u"has_"_s) && name.endsWith(u"_privilege"_s)) ||
           (name.startsWith(u"pg_"_s) && name.endsWith(u"_is_visible"_s));
}

// Keywords that stand before "(" without being a function: IN (…), EXISTS (…), OVER (…).
const QSet<QString> &keywordsBeforeParenthesis()
{
    static const QSet<QString> keywords = wordSet(
        u"ALL AND ANY ARRAY AS ASYMMETRIC BETWEEN BY CASE CAST CHECK COLUMNS CONFLICT DEFAULT "
        u"DISTINCT DO ELSE END ESCAPE EXCEPT EXCLUDE EXISTS FIRST FOR FROM GROUP HAVING ILIKE "
        u"IN INCLUDE INTERSECT INTO IS JOIN KEY LATERAL LIKE LIMIT MATERIALIZED NEXT NOT OF "
        u"OFFSET ON ONLY OPERATOR OR ORDER OVERLAPS PASSING PLACING RETURNING ROW ROWS SELECT "
        u"SET SETS SIMILAR SOME SYMMETRIC TABLE THEN TO UNION UNIQUE USING VALUES VARIADIC "
        u"WHEN WHERE WINDOW WITH WITHIN ZONE"_s);
    return keywords;
}

// A name after these, followed by "(", is declared or named, not called: AS x(a, b) is an
// alias with column names, INTO t(a) a table and its columns, FUNCTION f(int) a signature.
const QSet<QString> &keywordsBeforeDeclaration()
{
    static const QSet<QString> keywords =
        wordSet(u"AS INTO FUNCTION FUNCTIONS PROCEDURE PROCEDURES ROUTINE ROUTINES AGGREGATE"_s);
    return keywords;
}

// For each "(", the index of the ")" that closes it (words.size() when none does).
std::vector<qsizetype> closingParentheses(Words words)
{
    std::vector<qsizetype> closes(words.size(), qsizetype(words.size()));
    std::vector<qsizetype> open;
    for (qsizetype i = 0; i < qsizetype(words.size()); ++i) {
        if (words[i].isPunctuation(u"(")) {
            open.push_back(i);
        } else if (words[i].isPunctuation(u")") && !open.empty()) {
            closes[open.back()] = i;
            open.pop_back();
        }
    }
    return closes;
}

// Is words[i], a name before "(", a function call? closes: closingParentheses(words).
bool isCall(Words words, qsizetype i, const std::vector<qsizetype> &closes)
{
    qsizetype head = i;
    while (head >= 2 && words[head - 1].isPunctuation(u".") && words[head - 2].isName())
        head -= 2;
    if (head == i && words[i].kind == Kind::Identifier &&
        keywordsBeforeParenthesis().contains(words[i].key))
        return false;
    if (head > 0) {
        const Word &before = words[head - 1];
        // ) x(a): an alias after a function in FROM; ) FILTER (…), ) OVER (…); ::numeric(10, 2)
        if (before.isPunctuation(u")") || before.isPunctuation(u"::"))
            return false;
        if (before.kind == Kind::Identifier && keywordsBeforeDeclaration().contains(before.key))
            return false;
    }
    // x(a, b) AS [NOT] [MATERIALIZED] ( … ): a WITH query naming its columns.
    qsizetype after = closes[i + 1] + 1;
    if (after < qsizetype(words.size()) && words[after].is(u"AS")) {
        ++after;
        if (after < qsizetype(words.size()) && words[after].is(u"NOT"))
            ++after;
        if (after < qsizetype(words.size()) && words[after].is(u"MATERIALIZED"))
            ++after;
        if (after < qsizetype(words.size()) && words[after].isPunctuation(u"("))
            return false;
    }
    return true;
}

// --- Statements ----------------------------------------------------------------------------

// "DROP TABLE", "CREATE INDEX", "ALTER MATERIALIZED VIEW": the verb and the kind of object.
QString objectWords(Words words, qsizetype verb)
{
    static const QSet<QString> modifiers =
        wordSet(u"OR REPLACE UNIQUE TEMP TEMPORARY UNLOGGED GLOBAL LOCAL TRUSTED PROCEDURAL "
                u"RECURSIVE DEFAULT CONCURRENTLY"_s);
    static const QSet<QString> twoWordKinds =
        wordSet(u"MATERIALIZED FOREIGN EVENT ACCESS TEXT OPERATOR USER"_s);
    QString what = words[verb].key;
    qsizetype i = verb + 1;
    while (i < qsizetype(words.size()) && words[i].kind == Kind::Identifier &&
           modifiers.contains(words[i].key))
        ++i;
    if (i < qsizetype(words.size()) && words[i].kind == Kind::Identifier) {
        what += u' ' + words[i].key;
        if (twoWordKinds.contains(words[i].key) && i + 1 < qsizetype(words.size()) &&
            words[i + 1].kind == Kind::Identifier)
            what += u' ' + words[i + 1].key;
    }
    return what;
}

// Statements judged by their first word, and psql commands by their name, alone.
struct WordRule {
    const char *words; // the words it covers, separated by spaces
    Risk risk;
    const char *reason;
    bool objectKind = false; // the reason names the kind of object too: "DROP TABLE"
};

template<std::size_t N>
QHash<QString, const WordRule *> byWord(const WordRule (&rules)[N])
{
    QHash<QString, const WordRule *> index;
    for (const WordRule &rule : rules) {
        for (const QString &word : wordSet(QString::fromLatin1(rule.words)))
            index.insert(word, &rule);
    }
    return index;
}

const WordRule VerbRules[] = {
    {"SHOW", Risk::Read, QT_TRANSLATE_NOOP("SqlRisk", "`%1` only reads"), false},
    {"DEALLOCATE LISTEN UNLISTEN FETCH MOVE CLOSE", Risk::Read,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes no data by itself"), false},
    {"DROP", Risk::Destroy, QT_TRANSLATE_NOOP("SqlRisk", "`%1` drops database objects"), true},
    {"TRUNCATE", Risk::Destroy, QT_TRANSLATE_NOOP("SqlRisk", "`%1` empties tables"), false},
    {"CREATE IMPORT", Risk::Change, QT_TRANSLATE_NOOP("SqlRisk", "`%1` creates database objects"),
     true},
    {"COMMENT SECURITY REASSIGN", Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes database objects"), true},
    {"GRANT REVOKE", Risk::Change, QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes privileges"), false},
    {"SET RESET DISCARD", Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes settings of this session"), false},
    {"VACUUM ANALYZE ANALYSE REINDEX CLUSTER CHECKPOINT", Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` does maintenance that writes to the database"), false},
    {"REFRESH", Risk::Change,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` does maintenance that writes to the database"), true},
    {"LOCK", Risk::Change, QT_TRANSLATE_NOOP("SqlRisk", "`%1` locks tables against other sessions"),
     false},
    {"NOTIFY", Risk::Change, QT_TRANSLATE_NOOP("SqlRisk", "`%1` signals other sessions"), false},
    {"CALL", Risk::Change, QT_TRANSLATE_NOOP("SqlRisk", "`%1` runs a procedure"), false},
};

// psql's backslash commands but \copy, \o, \g, \w, \s and the \d family.
const WordRule MetaCommandRules[] = {
    {"!", Risk::Destroy, QT_TRANSLATE_NOOP("SqlRisk", "`%1` runs a shell command")},
    {"gexec", Risk::Destroy,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` runs the results of the query as SQL")},
    {"lo_export", Risk::Change, QT_TRANSLATE_NOOP("SqlRisk", "`%1` writes a file")},
    {"lo_import", Risk::Change, QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes large objects")},
    {"lo_unlink", Risk::Destroy, QT_TRANSLATE_NOOP("SqlRisk", "`%1` deletes large objects")},
    {"password", Risk::Change, QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes a password")},
    {"i ir include include_relative", Risk::Unknown,
     QT_TRANSLATE_NOOP("SqlRisk", "`%1` runs the SQL in another file")},
    {"e edit ef ev", Risk::Unknown, QT_TRANSLATE_NOOP("SqlRisk", "`%1` opens an editor")},
    {"setenv", Risk::Unknown, QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes psql's environment")},
    {"x timing pset echo qecho warn conninfo c connect set unset q quit watch encoding ? h help "
     "a C f H html t T errverbose copyright p print r reset prompt getenv if elif else endif "
     "gset gdesc crosstabview sf sf+ sv sv+ cd bind l list l+ list+ z zS z+ zS+ lo_list "
     "lo_list+",
     Risk::Read, QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes no data by itself")},
};

// Whether psql reads the lines after this statement as COPY data.
bool isCopyFromStdin(Words words, qsizetype afterVerb, bool psql)
{
    const qsizetype from = findOutside(words, afterVerb, {u"FROM", u"TO"});
    if (from < 0 || !words[from].is(u"FROM") || from + 1 >= qsizetype(words.size()))
        return false;
    return words[from + 1].is(u"STDIN") || (psql && words[from + 1].is(u"PSTDIN"));
}

QString lineAndColumn(QStringView text, qsizetype position, const char *reason)
{
    const QStringView before = text.left(position);
    const qsizetype line = before.count(u'\n') + 1;
    const qsizetype column = position - (before.lastIndexOf(u'\n') + 1) + 1;
    return QCoreApplication::translate("SqlRisk", reason).arg(line).arg(column);
}

class Judge
{
public:
    explicit Judge(SqlLexOptions options)
        : m_options(options)
    {
    }

    void statement(Words words, Verdict &verdict);
    // Returns whether psql reads the lines after it as COPY data (\copy … from stdin).
    bool metaCommand(const PsqlMetaCommand &command, Verdict &verdict);

private:
    void copy(Words words, qsizetype afterVerb, bool psql, Verdict &verdict);
    void data(Words words, qsizetype verb, Verdict &verdict);
    void explain(Words words, qsizetype verb, Verdict &verdict);
    void alter(Words words, qsizetype verb, Verdict &verdict);
    void doBlock(Words words, qsizetype verb, Verdict &verdict);
    void prepare(Words words, qsizetype verb, Verdict &verdict);
    void execute(Words words, qsizetype verb, Verdict &verdict);
    // Function calls, psql variables and stray characters. Strict: a function that is not
    // known to read makes it Unknown; otherwise only known writers count (in DDL, where names
    // before "(" are tables, columns and types as often as functions).
    void scan(Words words, bool strict, Verdict &verdict);

    SqlLexOptions m_options;
    QHash<QString, RiskAssessment> m_prepared; // PREPARE name AS …, for a later EXECUTE name
};

void Judge::statement(Words words, Verdict &verdict)
{
    if (words.empty())
        return;
    qsizetype verb = 0;
    while (verb < qsizetype(words.size()) && words[verb].isPunctuation(u"("))
        ++verb;
    if (verb == qsizetype(words.size())) {
        verdict.raise(Risk::Unknown, said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` is not SQL"),
                                          words.front().text.toString()));
        return;
    }
    const Word &first = words[verb];
    const QString key = first.kind == Kind::Identifier ? first.key : QString();
    static const QSet<QString> queries = wordSet(u"SELECT WITH VALUES TABLE"_s);
    static const QSet<QString> dataVerbs = wordSet(u"INSERT UPDATE DELETE MERGE"_s);
    if (queries.contains(key) || (verb == 0 && dataVerbs.contains(key)))
        return data(words, verb, verdict);
    auto unknownStatement = [&] {
        scan(words, false, verdict);
        QString what = first.text.left(40).toString();
        if (first.kind == Kind::Identifier)
            what = first.key;
        verdict.raise(Risk::Unknown,
                      said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` is not a known statement"), what));
    };
    if (verb > 0)
        return unknownStatement();

    // These judge their parts themselves.
    if (key == u"EXPLAIN")
        return explain(words, verb, verdict);
    if (key == u"PREPARE")
        return prepare(words, verb, verdict);
    if (key == u"EXECUTE")
        return execute(words, verb, verdict);
    if (key == u"DO")
        return doBlock(words, verb, verdict);
    if (key == u"COPY")
        return copy(words, verb + 1, false, verdict);
    if (key == u"DECLARE") {
        const qsizetype cursor = findOutside(words, 1, {u"CURSOR"});
        const qsizetype forWord = cursor < 0 ? -1 : findOutside(words, cursor + 1, {u"FOR"});
        if (forWord < 0 || forWord + 1 >= qsizetype(words.size()))
            return unknownStatement();
        return statement(words.subspan(forWord + 1), verdict);
    }

    static const QSet<QString> transaction =
        wordSet(u"BEGIN START COMMIT END ROLLBACK ABORT SAVEPOINT RELEASE"_s);
    static const QHash<QString, const WordRule *> verbs = byWord(VerbRules);
    if (key == u"ALTER") {
        alter(words, verb, verdict);
    } else if (transaction.contains(key)) {
        if (findOutside(words, 1, {u"PREPARED"}) >= 0)
            verdict.raise(
                Risk::Change,
                said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` keeps or ends a prepared transaction"),
                     key + u" PREPARED"_s));
        else
            verdict.raise(
                Risk::Read,
                said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes no data by itself"), key));
    } else if (const WordRule *rule = verbs.value(key)) {
        verdict.raise(rule->risk,
                      said(rule->reason, rule->objectKind ? objectWords(words, verb) : key));
    } else {
        return unknownStatement();
    }
    scan(words, false, verdict);
}

void Judge::data(Words words, qsizetype verb, Verdict &verdict)
{
    verdict.raise(Risk::Read,
                  said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` only reads"), words[verb].key));
    const qsizetype size = qsizetype(words.size());
    for (qsizetype i = 0; i < size; ++i) {
        const Word &word = words[i];
        if (word.kind != Kind::Identifier)
            continue;
        const Word *previous = i > 0 ? &words[i - 1] : nullptr;
        const Word *next = i + 1 < size ? &words[i + 1] : nullptr;
        // INSERT, UPDATE, DELETE and MERGE run wherever they stand: as the statement, after a
        // WITH list, or as a data-modifying WITH query (WITH d AS (DELETE … RETURNING *)).
        if (word.key == u"INSERT") {
            verdict.raise(Risk::Change,
                          said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` adds rows"), word.key));
        } else if (word.key == u"UPDATE" && !(previous && previous->isAnyOf({u"FOR", u"KEY"}))) {
            verdict.raise(Risk::Change,
                          said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes rows"), word.key));
        } else if (word.key == u"MERGE") {
            verdict.raise(Risk::Change,
                          said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes rows"), word.key));
        } else if (word.key == u"DELETE") {
            verdict.raise(Risk::Destroy,
                          said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` deletes rows"), word.key));
        } else if (word.key == u"INTO" && !(previous && previous->isAnyOf({u"INSERT", u"MERGE"}))) {
            verdict.raise(Risk::Change, said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` creates a table"),
                                             u"SELECT … INTO"_s));
        } else if (word.key == u"FOR" && next &&
                   next->isAnyOf({u"UPDATE", u"SHARE", u"NO", u"KEY"})) {
            // FOR UPDATE, FOR NO KEY UPDATE, FOR SHARE, FOR KEY SHARE
            QString what = word.key;
            for (qsizetype k = i + 1; k < size && k <= i + 3; ++k) {
                what += u' ' + words[k].key;
                if (words[k].isAnyOf({u"UPDATE", u"SHARE"}))
                    break;
            }
            verdict.raise(Risk::Change,
                          said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` locks rows"), what));
        }
    }
    scan(words, true, verdict);
}

void Judge::explain(Words words, qsizetype verb, Verdict &verdict)
{
    const qsizetype size = qsizetype(words.size());
    qsizetype i = verb + 1;
    bool analyze = false;
    if (i < size && words[i].isPunctuation(u"(")) {
        // EXPLAIN (ANALYZE, BUFFERS) …; ANALYZE false/off/0 does not run the statement.
        const qsizetype close = closing(words, i);
        for (qsizetype k = i + 1; k < close; ++k) {
            if (!words[k].isAnyOf({u"ANALYZE", u"ANALYSE"}) ||
                !(words[k - 1].isPunctuation(u"(") || words[k - 1].isPunctuation(u",")))
                continue;
            const Word *value = k + 1 < close ? &words[k + 1] : nullptr;
            const bool off = value && (value->isAnyOf({u"FALSE", u"OFF", u"NO"}) ||
                                       value->text == u"0" || value->text == u"'false'" ||
                                       value->text == u"'off'" || value->text == u"'no'");
            analyze = analyze || !off;
        }
        i = close + 1;
    } else {
        while (i < size && words[i].isAnyOf({u"ANALYZE", u"ANALYSE", u"VERBOSE"})) {
            analyze = analyze || !words[i].is(u"VERBOSE");
            ++i;
        }
    }
    const Words inner = words.subspan(std::min(i, size));
    if (!analyze) {
        // The statement is planned, not run; functions may still be evaluated while planning.
        verdict.raise(Risk::Read,
                      said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` only shows the plan"), u"EXPLAIN"_s));
        scan(inner, true, verdict);
        return;
    }
    if (inner.empty())
        return;
    Verdict ran;
    statement(inner, ran);
    if (ran.result().risk == Risk::Read)
        verdict.raise(ran.result());
    else
        verdict.raise(ran.result().risk,
                      said(QT_TRANSLATE_NOOP("SqlRisk", "`EXPLAIN ANALYZE` runs the statement: %1"),
                           ran.result().reason));
}

void Judge::alter(Words words, qsizetype verb, Verdict &verdict)
{
    const QString what = objectWords(words, verb);
    if (what == u"ALTER SYSTEM") {
        verdict.raise(
            Risk::Change,
            said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes the server's configuration"), what));
        return;
    }
    // ALTER TABLE t DROP [COLUMN] c loses the column's data; DROP CONSTRAINT, DEFAULT, NOT NULL,
    // IDENTITY and EXPRESSION do not.
    if (what == u"ALTER TABLE" || what == u"ALTER FOREIGN TABLE" || what == u"ALTER TYPE") {
        for (qsizetype i = findOutside(words, verb + 1, {u"DROP"}); i >= 0;
             i = findOutside(words, i + 1, {u"DROP"})) {
            if (i + 1 >= qsizetype(words.size()))
                break;
            const Word &next = words[i + 1];
            if (next.isName() &&
                !next.isAnyOf({u"CONSTRAINT", u"DEFAULT", u"NOT", u"IDENTITY", u"EXPRESSION"})) {
                const QString part = what == u"ALTER TYPE" ? u"DROP ATTRIBUTE"_s : u"DROP COLUMN"_s;
                verdict.raise(Risk::Destroy,
                              said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` drops a column and its data"),
                                   what + u" … "_s + part));
                return;
            }
        }
    }
    verdict.raise(Risk::Change,
                  said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes database objects"), what));
}

void Judge::doBlock(Words words, qsizetype verb, Verdict &verdict)
{
    verdict.raise(Risk::Change,
                  said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` runs a block of code"), u"DO"_s));
    const Word *body = nullptr;
    QString language = u"plpgsql"_s;
    for (qsizetype i = verb + 1; i < qsizetype(words.size()); ++i) {
        const Word &word = words[i];
        if (word.is(u"LANGUAGE") && i + 1 < qsizetype(words.size())) {
            const Word &name = words[++i];
            language = name.kind == Kind::String ? name.text.mid(1, name.text.size() - 2).toString()
                                                 : name.name();
        } else if (!body && (word.kind == Kind::DollarString || word.kind == Kind::String ||
                             word.kind == Kind::EscapeString))
            body = &word;
    }
    if (language != u"plpgsql") {
        verdict.raise(Risk::Unknown,
                      said(QT_TRANSLATE_NOOP("SqlRisk",
                                             "`%1` runs code in a language this check cannot read"),
                           u"DO … LANGUAGE "_s + language));
        return;
    }
    if (!body)
        return;
    // The body's text: PL/pgSQL reads like SQL, so its tokens show what it does.
    QString code;
    if (body->kind == Kind::DollarString) {
        const qsizetype tag = body->text.indexOf(u'$', 1) + 1;
        code = body->text.mid(tag, std::max<qsizetype>(0, body->text.size() - 2 * tag)).toString();
    } else {
        const qsizetype open = body->text.indexOf(u'\'') + 1;
        code = body->text.mid(open, std::max<qsizetype>(0, body->text.size() - open - 1))
                   .toString()
                   .replace(u"''"_s, u"'"_s);
    }
    const std::vector<Word> inner =
        wordsOf(code, {SqlDialect::Server, m_options.standardConformingStrings});
    for (qsizetype i = 0; i < qsizetype(inner.size()); ++i) {
        const Word &word = inner[i];
        if (word.is(u"DROP"))
            verdict.raise(Risk::Destroy,
                          said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` drops database objects"),
                               objectWords(inner, i)));
        else if (word.is(u"TRUNCATE"))
            verdict.raise(Risk::Destroy,
                          said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` empties tables"), word.key));
        else if (word.is(u"DELETE"))
            verdict.raise(Risk::Destroy,
                          said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` deletes rows"), word.key));
        else if (word.is(u"PROGRAM"))
            verdict.raise(Risk::Destroy,
                          said(QT_TRANSLATE_NOOP(
                                   "SqlRisk", "`%1` runs a shell command on the database server"),
                               u"COPY … PROGRAM"_s));
        else if (word.is(u"EXECUTE"))
            verdict.raise(Risk::Unknown,
                          said(QT_TRANSLATE_NOOP(
                                   "SqlRisk", "`%1` in a `DO` block runs SQL made while it runs"),
                               word.key));
    }
    scan(inner, false, verdict);
}

void Judge::prepare(Words words, qsizetype verb, Verdict &verdict)
{
    if (verb + 1 < qsizetype(words.size()) && words[verb + 1].is(u"TRANSACTION")) {
        verdict.raise(
            Risk::Change,
            said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` keeps or ends a prepared transaction"),
                 u"PREPARE TRANSACTION"_s));
        return;
    }
    const qsizetype as = findOutside(words, verb + 1, {u"AS"});
    if (verb + 1 >= qsizetype(words.size()) || as < 0) {
        verdict.raise(
            Risk::Unknown,
            said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` is not a known statement"), u"PREPARE"_s));
        return;
    }
    // Nothing runs until EXECUTE, which then takes what the statement does.
    Verdict prepared;
    statement(words.subspan(as + 1), prepared);
    m_prepared.insert(words[verb + 1].name(), prepared.result());
    verdict.raise(Risk::Read, said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes no data by itself"),
                                   u"PREPARE"_s));
}

void Judge::execute(Words words, qsizetype verb, Verdict &verdict)
{
    if (verb + 1 >= qsizetype(words.size()) || !words[verb + 1].isName()) {
        verdict.raise(
            Risk::Unknown,
            said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` is not a known statement"), u"EXECUTE"_s));
        return;
    }
    const QString name = words[verb + 1].name();
    const auto prepared = m_prepared.constFind(name);
    if (prepared == m_prepared.cend()) {
        verdict.raise(
            Risk::Unknown,
            said(QT_TRANSLATE_NOOP("SqlRisk",
                                   "`%1` runs a prepared statement that is not in this text"),
                 u"EXECUTE "_s + name));
    } else if (prepared->risk == Risk::Read) {
        verdict.raise(*prepared);
    } else {
        verdict.raise(prepared->risk,
                      said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` runs the prepared statement: %2"),
                           u"EXECUTE "_s + name, prepared->reason));
    }
    scan(words.subspan(verb + 2), true, verdict);
}

void Judge::copy(Words words, qsizetype afterVerb, bool psql, Verdict &verdict)
{
    const QString verb = psql ? u"\\copy"_s : u"COPY"_s;
    const qsizetype size = qsizetype(words.size());
    qsizetype i = afterVerb;
    bool fromQuery = false;
    if (i < size && words[i].isPunctuation(u"(")) {
        // COPY (query) TO …: the query runs.
        const qsizetype close = closing(words, i);
        if (close > i + 1)
            statement(words.subspan(i + 1, std::min(close, size) - i - 1), verdict);
        fromQuery = true;
        i = close + 1;
    }
    const qsizetype direction = findOutside(words, std::min(i, size), {u"FROM", u"TO"});
    if (direction < 0) {
        verdict.raise(Risk::Unknown,
                      said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` is not a known statement"), verb));
        return;
    }
    const Word *target = direction + 1 < size ? &words[direction + 1] : nullptr;
    const bool from = words[direction].is(u"FROM");
    if (target && target->is(u"PROGRAM")) {
        if (psql)
            verdict.raise(Risk::Destroy,
                          said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` runs a shell command"),
                               u"\\copy … program"_s));
        else
            verdict.raise(Risk::Destroy,
                          said(QT_TRANSLATE_NOOP(
                                   "SqlRisk", "`%1` runs a shell command on the database server"),
                               u"COPY … PROGRAM"_s));
    } else if (from) {
        verdict.raise(Risk::Change, said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` adds rows"),
                                         verb + (psql ? u" … from"_s : u" … FROM"_s)));
    } else if (target && (target->is(u"STDOUT") || (psql && target->is(u"PSTDOUT")))) {
        if (!fromQuery)
            verdict.raise(Risk::Read, said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` only reads"),
                                           verb + u" … TO STDOUT"_s));
    } else if (psql) {
        verdict.raise(Risk::Change,
                      said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` writes a file"), u"\\copy … to"_s));
    } else {
        verdict.raise(
            Risk::Change,
            said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` writes a file on the database server"),
                 u"COPY … TO"_s));
    }
    scan(words.subspan(afterVerb), false, verdict);
}

void Judge::scan(Words words, bool strict, Verdict &verdict)
{
    const qsizetype size = qsizetype(words.size());
    const std::vector<qsizetype> closes = closingParentheses(words);
    for (qsizetype i = 0; i < size; ++i) {
        const Word &word = words[i];
        const bool beforeParenthesis = i + 1 < size && words[i + 1].isPunctuation(u"(");
        if (word.kind == Kind::Other) {
            verdict.raise(Risk::Unknown,
                          said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` is not SQL"), word.key));
        } else if (word.kind == Kind::PsqlVariable) {
            // :name is pasted as it stands (it may hold "1; DROP TABLE t"); :'name' and
            // :"name" arrive quoted as a literal and a name.
            const QChar second = word.text.size() > 1 ? word.text[1] : QChar();
            if (second != u'\'' && second != u'"' && second != u'{')
                verdict.raise(
                    Risk::Unknown,
                    said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` is pasted into the SQL as raw text"),
                         word.key));
            else if (beforeParenthesis && strict)
                verdict.raise(
                    Risk::Unknown,
                    said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` is not known to be read-only"),
                         word.key));
        } else if (word.isName() && beforeParenthesis && isCall(words, i, closes)) {
            QString shown = word.text.toString();
            QString schema;
            if (i >= 2 && words[i - 1].isPunctuation(u".") && words[i - 2].isName()) {
                schema = words[i - 2].name();
                shown = words[i - 2].text + u'.' + shown;
            }
            const QString name = word.name();
            if (const FunctionRule *rule = writerRule(name)) {
                verdict.raise(rule->risk, said(rule->reason, shown));
            } else if (strict && !((schema.isEmpty() || schema == u"pg_catalog") &&
                                   isReadOnlyFunction(name))) {
                verdict.raise(
                    Risk::Unknown,
                    said(QT_TRANSLATE_NOOP("SqlRisk", "`%1` is not known to be read-only"), shown));
            }
        }
    }
}

bool Judge::metaCommand(const PsqlMetaCommand &command, Verdict &verdict)
{
    const QString &name = command.name;
    const QString shown = u'\\' + name;
    auto raise = [&](Risk risk, const char *reason, const QString &what) {
        verdict.raise(risk, said(reason, what));
    };
    if (command.backquoted() && !command.wholeLine)
        raise(Risk::Destroy, QT_TRANSLATE_NOOP("SqlRisk", "Backquotes in `%1` run a shell command"),
              shown);
    static const QHash<QString, const WordRule *> rules = byWord(MetaCommandRules);
    static const QSet<QString> filePipes = wordSet(u"o out g gx w write"_s);
    if (const WordRule *rule = rules.value(name)) {
        raise(rule->risk, rule->reason, shown);
    } else if (name.compare(u"copy"_s, Qt::CaseInsensitive) == 0 && !command.arguments.empty()) {
        const QString &arguments = command.arguments.front().value;
        const std::vector<Word> words =
            wordsOf(arguments, {SqlDialect::Server, m_options.standardConformingStrings});
        copy(words, 0, true, verdict);
        return isCopyFromStdin(words, 0, true);
    } else if (filePipes.contains(name)) {
        // \g (format=csv) file: options in parentheses come first.
        auto target = command.arguments.begin();
        if ((name == u"g" || name == u"gx") && target != command.arguments.end() &&
            target->value.startsWith(u'(')) {
            while (target != command.arguments.end() && !target->value.endsWith(u')'))
                ++target;
            if (target != command.arguments.end())
                ++target;
        }
        if (target == command.arguments.end() || target->value == u"/dev/null")
            raise(Risk::Read, QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes no data by itself"),
                  shown);
        else if (target->variable)
            raise(Risk::Unknown,
                  QT_TRANSLATE_NOOP("SqlRisk",
                                    "`%1` writes to a file or command named by a variable"),
                  shown);
        else if (target->value.startsWith(u'|'))
            raise(Risk::Destroy, QT_TRANSLATE_NOOP("SqlRisk", "`%1` runs a shell command"),
                  shown + u" |"_s);
        else
            raise(Risk::Change, QT_TRANSLATE_NOOP("SqlRisk", "`%1` writes a file"), shown);
    } else if (name == u"s") {
        // \s shows the history; \s FILE writes it there.
        if (command.arguments.empty())
            raise(Risk::Read, QT_TRANSLATE_NOOP("SqlRisk", "`%1` changes no data by itself"),
                  shown);
        else
            raise(Risk::Change, QT_TRANSLATE_NOOP("SqlRisk", "`%1` writes a file"), shown);
    } else if (name.startsWith(u'd')) {
        // \d, \dt+, \di, \dn, \du, \df, \dx, \dp, \dconfig …: psql's catalog queries.
        raise(Risk::Read, QT_TRANSLATE_NOOP("SqlRisk", "`%1` only reads"), shown);
    } else {
        raise(Risk::Unknown, QT_TRANSLATE_NOOP("SqlRisk", "`%1` is not a known psql command"),
              shown);
    }
    return false;
}

// Meta-commands after which psql sends the query buffer (or empties it): the SQL before them
// is a statement of its own, whatever follows.
bool endsStatement(const PsqlMetaCommand &command)
{
    static const QSet<QString> names =
        wordSet(u"g gx gset gexec gdesc crosstabview watch r reset e edit ef ev"_s);
    return names.contains(command.name);
}

// The lines psql reads as COPY data after the line that ends at or after `after`: up to and
// including a line "\." (or the end of the text).
std::pair<qsizetype, qsizetype> copyDataAfter(QStringView text, qsizetype after)
{
    const qsizetype newline = text.indexOf(u'\n', after);
    if (newline < 0)
        return {text.size(), text.size()};
    qsizetype line = newline + 1;
    while (line < text.size()) {
        qsizetype end = text.indexOf(u'\n', line);
        if (end < 0)
            end = text.size();
        QStringView content = text.mid(line, end - line);
        if (content.endsWith(u'\r'))
            content.chop(1);
        if (content == u"\\.")
            return {newline + 1, end};
        line = end + 1;
    }
    return {newline + 1, text.size()};
}

struct Pass {
    RiskAssessment assessment;
    bool backslashInString = false; // a '…' holds a backslash: standard_conforming_strings matters
    QList<std::pair<qsizetype, qsizetype>> copyData;
};

Pass judgeText(QStringView text, SqlLexOptions options)
{
    const bool psql = options.dialect == SqlDialect::Psql;
    const SqlLexResult lexed = tokenizeSql(text, options);
    Pass pass;
    Verdict verdict;
    Judge judge(options);
    // What the server would reject names the reason first; a higher risk still wins.
    for (const SqlLexProblem &problem : lexed.problems) {
        const char *reason = nullptr;
        switch (problem.kind) {
        case SqlLexProblem::Kind::UnterminatedString:
            reason = QT_TRANSLATE_NOOP("SqlRisk", "The string at line %1, column %2 is not closed");
            break;
        case SqlLexProblem::Kind::UnterminatedQuotedIdentifier:
            reason =
                QT_TRANSLATE_NOOP("SqlRisk", "The quoted name at line %1, column %2 is not closed");
            break;
        case SqlLexProblem::Kind::UnterminatedComment:
            reason =
                QT_TRANSLATE_NOOP("SqlRisk", "The comment at line %1, column %2 is not closed");
            break;
        case SqlLexProblem::Kind::UnterminatedDollarQuote:
            reason = QT_TRANSLATE_NOOP(
                "SqlRisk", "The dollar-quoted text at line %1, column %2 is not closed");
            break;
        }
        verdict.raise(Risk::Unknown, lineAndColumn(text, problem.position, reason));
    }
    std::vector<Word> statement;
    auto finish = [&](qsizetype end) {
        if (statement.empty())
            return;
        judge.statement(statement, verdict);
        if (psql && statement.front().is(u"COPY") && isCopyFromStdin(statement, 1, false))
            pass.copyData.append(copyDataAfter(text, end));
        statement.clear();
    };
    for (const SqlToken &token : lexed.tokens) {
        switch (token.kind) {
        case Kind::Whitespace:
        case Kind::LineComment:
        case Kind::BlockComment:
            break;
        case Kind::Semicolon:
            finish(token.end());
            break;
        case Kind::MetaCommand: {
            const PsqlMetaCommand command = parsePsqlMetaCommand(token.in(text));
            if (endsStatement(command))
                finish(token.end());
            if (judge.metaCommand(command, verdict))
                pass.copyData.append(copyDataAfter(text, token.end()));
            break;
        }
        case Kind::String:
            if (token.in(text).contains(u'\\'))
                pass.backslashInString = true;
            statement.push_back(wordOf(text, token));
            break;
        default:
            statement.push_back(wordOf(text, token));
            break;
        }
    }
    finish(text.size());
    pass.assessment = verdict.result();
    return pass;
}

RiskAssessment assess(const QString &text, SqlDialect dialect)
{
    Verdict verdict;
    auto judgeBothWays = [&](QStringView variant) {
        const Pass pass = judgeText(variant, {dialect, true});
        verdict.raise(pass.assessment);
        // A server with standard_conforming_strings off reads '\'' differently: judge that
        // reading too, and keep the higher risk.
        if (pass.backslashInString)
            verdict.raise(judgeText(variant, {dialect, false}).assessment);
        return pass.copyData;
    };
    QList<std::pair<qsizetype, qsizetype>> copyData = judgeBothWays(text);
    // A COPY … FROM STDIN that succeeds takes the lines after it as data, up to "\."; one that
    // fails leaves them to psql as SQL. The first pass read them as SQL; read them as data too.
    QString blanked = text;
    QSet<qsizetype> blankedStarts;
    for (int round = 0; round < 8; ++round) {
        bool more = false;
        for (const auto &[start, end] : std::as_const(copyData)) {
            if (blankedStarts.contains(start))
                continue;
            blankedStarts.insert(start);
            more = true;
            for (qsizetype i = start; i < end; ++i) {
                if (blanked[i] != u'\n')
                    blanked[i] = u' ';
            }
        }
        if (!more)
            break;
        copyData = judgeBothWays(blanked);
    }
    return verdict.result();
}

} // namespace

RiskAssessment assessSql(const QString &sql)
{
    return assess(sql, SqlDialect::Server);
}

RiskAssessment assessPsqlScript(const QString &script)
{
    return assess(script, SqlDialect::Psql);
}

} // namespace OpsDeck
