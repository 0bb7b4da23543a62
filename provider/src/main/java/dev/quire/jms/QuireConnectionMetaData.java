package dev.quire.jms;

import jakarta.jms.ConnectionMetaData;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * What a Quire connection says about its provider.
 */
final class QuireConnectionMetaData implements ConnectionMetaData
{
    static final QuireConnectionMetaData INSTANCE = new QuireConnectionMetaData();

    private static final List<String> JMSX_PROPERTIES = List.of("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");

    private QuireConnectionMetaData()
    {
    }

    @Override
    public String getJMSVersion()
    {
        return "3.1";
    }

    @Override
    public int getJMSMajorVersion()
    {
        return 3;
    }

    @Override
    public int getJMSMinorVersion()
    {
        return 1;
    }

    @Override
    public String getJMSProviderName()
    {
        return "Quire";
    }

    @Override
    public String getProviderVersion()
    {
        return "0.1";
    }

    @Override
    public int getProviderMajorVersion()
    {
        return 0;
    }

    @Override
    public int getProviderMinorVersion()
    {
        return 1;
    }

    @Override
    public Enumeration<String> getJMSXPropertyNames()
    {
        return Collections.enumeration(JMSX_PROPERTIES);
    }
}
