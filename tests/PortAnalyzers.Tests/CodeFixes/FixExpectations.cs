namespace PortAnalyzers.Tests.CodeFixes;

/// <summary>The helper class the environment fix adds once to a project, as it reads in a fixed file.</summary>
internal static class FixExpectations
{
    public const string Helper = """
        /// <summary>
        /// Ports that can change per environment without a rebuild: FromEnvironment("Ports__Api", 8080) is the port in
        /// the environment variable Ports__Api, or 8080. The configuration environment provider maps that variable to the
        /// key Ports:Api, so these values can move to configuration unchanged.
        /// </summary>
        internal static class PortSettings
        {
            /// <summary>
            /// The port in the environment variable <paramref name="name"/>, or <paramref name="defaultValue"/> when the
            /// variable is unset or does not hold a port (a whole number from 0 to 65535).
            /// </summary>
            public static int FromEnvironment(string name, int defaultValue)
            {
                var text = System.Environment.GetEnvironmentVariable(name);
                int value;
                return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value)
                    && value >= 0 && value <= 65535
                    ? value
                    : defaultValue;
            }
        }

        """;
}
