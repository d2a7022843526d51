#pragma once

namespace tributary {

/** The exit status of every tributary-cli subcommand. */
enum class ExitCode : int {
    Success = 0,
    ProblemsFound = 1,
    UsageError = 2,
    InputUnreadable = 3,
};

} // namespace tributary
