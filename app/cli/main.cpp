#include "app/cli/CliTool.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tributary-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRIBUTARY_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    tributary::CliTool tool(out, err);
    const auto code = tool.run(QCoreApplication::arguments().mid(1));
    out.flush();
    err.flush();
    return static_cast<int>(code);
}
