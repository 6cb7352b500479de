zwpatg ; ZWRITE ^?pattern: global names that match, and subscript patterns of a global.
 set ^g(1)=1,^g(2,"a")=2,^h=3,^hh(1)=4,^%z=5
 write "-- ^?1A",! zwrite ^?1A
 write "-- ^?.A",! zwrite ^?.A
 write "-- ^?1""%"".E",! zwrite ^?1"%".E
 write "-- ^g(?1N,*)",! zwrite ^g(?1N,*)
 write "-- ^g(?1N)",! zwrite ^g(?1N)
 write "-- none",! zwrite ^?1"q".E
 write "done",!
 quit
