seewrite ; connects to the test's port, SETs, WRITEs to the socket; then a SET that stays
 ; in this process's open batch until another writer waits for the write lock; ends once
 ; ^GO is set
 new i
 open "s":(CONNECT="127.0.0.1:"_$zcmdline_":TCP":ATTACH="s":DELIMITER=$char(10)):5:"SOCKET" use "s"
 set ^V=1
 write "set",!
 set ^V=2
 for i=1:1 quit:$data(^GO)
 write "go seen",!
 quit
