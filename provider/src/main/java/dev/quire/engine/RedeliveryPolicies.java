package dev.quire.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Redelivery policies chosen by destination name. Patterns are matched in the order they were added;
 * the first match wins; a name no pattern matches gets the default. In a pattern, {@code *} matches one
 * dot-separated word and {@code #} any number of words ({@code orders.*}, {@code orders.#}, {@code #}).
 */
public final class RedeliveryPolicies
{
    private final List<Pattern> patterns = new ArrayList<>();
    private final List<RedeliveryPolicy> policies = new ArrayList<>();
    private RedeliveryPolicy defaultPolicy = RedeliveryPolicy.DEFAULT;

    /**
     * @param pattern a destination name pattern.
     * @param policy  the policy for matching destinations.
     * @return this.
     */
    public RedeliveryPolicies add(final String pattern, final RedeliveryPolicy policy)
    {
        patterns.add(compile(Objects.requireNonNull(pattern, "pattern")));
        policies.add(Objects.requireNonNull(policy, "policy"));
        return this;
    }

    /**
     * @param policy the policy for destinations no pattern matches.
     * @return this.
     */
    public RedeliveryPolicies defaultPolicy(final RedeliveryPolicy policy)
    {
        defaultPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * @param destination a destination name.
     * @return its policy.
     */
    public RedeliveryPolicy policyFor(final String destination)
    {
        for (int i = 0; i < patterns.size(); i++)
        {
            if (patterns.get(i).matcher(destination).matches())
            {
                return policies.get(i);
            }
        }
        return defaultPolicy;
    }

    private static Pattern compile(final String pattern)
    {
        final StringBuilder regex = new StringBuilder();
        final String[] words = pattern.split("\\.", -1);
        for (int i = 0; i < words.length; i++)
        {
            final String word = words[i];
            if ("#".equals(word))
            {
                regex.append(i == 0 ? "(?:[^.]+(?:\\.[^.]+)*)?" : "(?:\\.[^.]+)*");
                continue;
            }
            if (i > 0)
            {
                regex.append("\\.");
            }
            regex.append("*".equals(word) ? "[^.]+" : Pattern.quote(word));
        }
        return Pattern.compile(regex.toString());
    }
}
