#pragma once

namespace tributary {

/** Numbers as the results print them: rounded to a fixed number of decimals so the output stays readable and stable. */
class SimRounding
{
public:
    /** value rounded to `decimals` places (4 by default). */
    static double round(double value, int decimals = 4);
};

} // namespace tributary
