"""The publisher's identity: site name, tagline, logo, contact details, default disclaimer."""
