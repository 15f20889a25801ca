// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/remote/executor.h"

#include <QAbstractTableModel>
#include <QList>

namespace OpsDeck {

// One ad-hoc command on several hosts: a row per host with its state, result and output.
// Output is kept per host up to a cap (the oldest part is dropped, and that is said).
class CommandSessionModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandSessionModel)

public:
    enum Column {
        HostColumn,
        StatusColumn,
        ResultColumn,
        DurationColumn,
        OutputColumn,
        ColumnCount
    };
    enum Role { SucceededRole = Qt::UserRole + 1, FinishedRole, HostRole };
    enum class Status { Waiting, Running, Finished };

    struct Chunk {
        bool isStandardError = false;
        QByteArray data;
    };
    struct Row {
        QString host;
        Status status = Status::Waiting;
        CommandResult result;
        QList<Chunk> output;
        qint64 keptBytes = 0;
        bool truncated = false;
    };

    static constexpr qint64 MaximumOutputPerHost = 32 * 1024 * 1024;

    explicit CommandSessionModel(QObject *parent = nullptr);
    ~CommandSessionModel() override;

    void begin(const QString &commandText, const QStringList &hosts);
    QString commandText() const { return m_commandText; }
    int rowForHost(const QString &host) const;
    const Row &rowAt(int row) const { return m_rows[row]; }
    bool isRunning() const;

    void markRunning(int row);
    void appendOutput(int row, const QByteArray &data, bool isStandardError);
    void finish(int row, const CommandResult &result);

    // All hosts' output as plain text with a header per host, for the clipboard.
    QString transcript() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void outputAppended(int row, const QByteArray &data, bool isStandardError);
    void allFinished();

private:
    void rowChanged(int row);

    QString m_commandText;
    QList<Row> m_rows;
};

} // namespace OpsDeck
