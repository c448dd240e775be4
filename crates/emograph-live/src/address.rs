//! Which address the participants' URL names.

use std::net::{IpAddr, Ipv4Addr, UdpSocket};

/// The host phones in the room can reach the server on: the bound address itself, or, for a
/// server bound to every interface (0.0.0.0), this machine's address on the network its
/// default route leads to. Found by "connecting" a UDP socket, which sends nothing, to an
/// address of the documentation range; where there is no route, the loopback address.
pub fn participant_host(bound: IpAddr) -> IpAddr {
    if !bound.is_unspecified() {
        return bound;
    }
    let routed = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))
        .and_then(|socket| {
            socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9))?;
            socket.local_addr()
        })
        .map(|addr| addr.ip());
    match routed {
        Ok(ip) if !ip.is_unspecified() => ip,
        _ => IpAddr::V4(Ipv4Addr::LOCALHOST),
    }
}
