// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any argument quoted by shellQuote() reaches a program through a real
// `sh -c` byte for byte.
#include "models/remote/shellquote.h"

#include <QByteArray>
#include <QString>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// Runs `sh -c "printf %s <quoted>"` and returns what printf wrote.
QByteArray throughShell(const QString &quoted)
{
    int output[2];
    if (pipe(output) != 0)
        std::abort();
    const QByteArray command = "printf %s " + quoted.toUtf8();
    const pid_t child = fork();
    if (child == 0) {
        dup2(output[1], STDOUT_FILENO);
        close(output[0]);
        close(output[1]);
        execl("/bin/sh", "sh", "-c", command.constData(), static_cast<char *>(nullptr));
        _exit(127);
    }
    close(output[1]);
    QByteArray result;
    char buffer[4096];
    // libFuzzer's -timeout alarm interrupts system calls: retry on EINTR.
    while (true) {
        const ssize_t read = ::read(output[0], buffer, sizeof buffer);
        if (read > 0)
            result.append(buffer, read);
        else if (read == 0 || errno != EINTR)
            break;
    }
    close(output[0]);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    return result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // Arguments cannot hold NUL bytes; a program never sees invalid UTF-8 from OpsDeck either.
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (bytes.contains('\0') || size > 4096)
        return 0;
    const QString argument = QString::fromUtf8(bytes);
    if (argument.toUtf8() != bytes)
        return 0;
    if (throughShell(OpsDeck::shellQuote(argument)) != bytes)
        std::abort();
    return 0;
}
