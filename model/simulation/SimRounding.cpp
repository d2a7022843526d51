#include "model/simulation/SimRounding.h"

#include <cmath>

namespace tributary {

double SimRounding::round(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    return rounded == 0 ? 0.0 : rounded;
}

} // namespace tributary
