// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <optional>

namespace OpsDeck {

// What an action can do to a system, in rising order. Read is proven by the allow-list; what
// is not known to be read-only is Unknown (asked like Change, refused by read-only mode);
// Destroy needs the target's name typed to confirm.
enum class Risk { Read, Change, Unknown, Destroy };

// The higher of two risks: a command is as risky as its riskiest part.
constexpr Risk higherRisk(Risk a, Risk b)
{
    return int(a) >= int(b) ? a : b;
}

// The stable, untranslated names ("read", "change", "unknown", "destroy") stored in the audit
// log and printed by --json.
QString riskId(Risk risk);
std::optional<Risk> riskFromId(QStringView id);
// The translated badge text: "Read", "Change", "Unknown", "Destroy".
QString riskName(Risk risk);

// The global read-only switch (--read-only, the toolbar toggle). Every action asks it before
// running; widgets listen to disable what is not allowed.
class ReadOnlyMode final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReadOnlyMode)

public:
    explicit ReadOnlyMode(bool enabled = false, QObject *parent = nullptr);

    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    bool permits(Risk risk) const { return !m_enabled || risk == Risk::Read; }
    // Why an action of this risk is refused, or empty when it is allowed.
    QString refusal(Risk risk) const;

Q_SIGNALS:
    void changed(bool enabled);

private:
    bool m_enabled;
};

} // namespace OpsDeck
