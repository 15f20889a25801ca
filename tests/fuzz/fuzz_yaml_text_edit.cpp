// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: in-place YAML edits on arbitrary text never crash, and when they succeed
// the result parses and holds the value that was asked for.
#include "models/workspace/yamltextedit.h"

#include <cstdint>
#include <cstdlib>
#include <yaml-cpp/yaml.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace OpsDeck::YamlTextEdit;
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const Path path{QStringLiteral("environments"), 0, QStringLiteral("hosts"), 0,
                    QStringLiteral("address")};
    const Result edited =
        setValue(text, path, quoteScalar(QStringLiteral("10.0.0.1 # not a comment")));
    if (edited.ok()) {
        const YAML::Node root = YAML::Load(edited.text.toStdString());
        if (root["environments"][0]["hosts"][0]["address"].as<std::string>() !=
            "10.0.0.1 # not a comment")
            std::abort();
    }
    const Result appended =
        appendMapping(text, {QStringLiteral("environments"), 0, QStringLiteral("hosts")},
                      {{QStringLiteral("name"), quoteScalar(QStringLiteral("new-host"))}});
    if (appended.ok())
        (void)YAML::Load(appended.text.toStdString());
    return 0;
}
